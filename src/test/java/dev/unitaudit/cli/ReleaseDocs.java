package dev.unitaudit.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time generator of the release's documentation (the release profile runs it with exec:java):
 * picocli's ManPageGenerator writes an AsciiDoc man page for unitaudit and each subcommand,
 * AsciidoctorJ turns each into troff ({@code unitaudit.1}, {@code unitaudit-audit.1}, …, gzipped at
 * maximum compression as Debian wants), and AutoComplete writes the bash and zsh scripts that
 * {@code unitaudit completion} prints. All come from the command model that parses the command
 * line, so they cannot go stale. It lives with the tests because picocli-codegen and AsciidoctorJ
 * are build tools, not something the jar ships.
 *
 * <p>Arguments: the output folder and the Debian version; the folder gets {@code adoc/}, {@code
 * man/man1/}, {@code completion/} and {@code debian/changelog.gz} (the .deb's changelog, which
 * Debian requires; one entry naming the version).
 */
public final class ReleaseDocs {

  private ReleaseDocs() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ReleaseDocs OUTPUT_DIR DEBIAN_VERSION");
    }
    Path out = Path.of(args[0]);
    String debVersion = args[1];
    Path adoc = out.resolve("adoc");
    Path man = out.resolve("man/man1");
    Path completion = out.resolve("completion");
    Path debian = out.resolve("debian");
    for (Path dir : List.of(adoc, man, completion, debian)) {
      Files.createDirectories(dir);
    }
    CommandLine tree = Main.commandTree();
    int code =
        ManPageGenerator.generateManPage(
            adoc.toFile(), (File) null, new boolean[0], true, tree.getCommandSpec());
    if (code != 0) {
      throw new IOException("ManPageGenerator exit " + code);
    }
    List<Path> pages = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(adoc, "*.adoc")) {
      files.forEach(pages::add);
    }
    try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
      for (Path page : pages) {
        String troff =
            asciidoctor.convert(
                Files.readString(page, StandardCharsets.UTF_8),
                Options.builder().backend("manpage").safe(SafeMode.SAFE).standalone(true).build());
        String name = page.getFileName().toString().replaceFirst("\\.adoc$", ".1.gz");
        gzip(troff, man.resolve(name));
      }
    }
    Files.writeString(
        completion.resolve("unitaudit"),
        CompletionCommand.script(CompletionCommand.Shell.bash),
        StandardCharsets.UTF_8);
    Files.writeString(
        completion.resolve("unitaudit.zsh"),
        CompletionCommand.script(CompletionCommand.Shell.zsh),
        StandardCharsets.UTF_8);
    gzip(changelog(debVersion), debian.resolve("changelog.gz"));
  }

  /**
   * A Debian changelog of one entry for this version (a native package's changelog.gz). Dated
   * SOURCE_DATE_EPOCH when set, so a release rebuilt from the same tag gives the same bytes.
   */
  static String changelog(String debVersion) {
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    java.time.ZonedDateTime when =
        epoch != null && epoch.matches("[0-9]+")
            ? java.time.Instant.ofEpochSecond(Long.parseLong(epoch))
                .atZone(java.time.ZoneOffset.UTC)
            : java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
    return "unitaudit ("
        + debVersion
        + ") unstable; urgency=medium\n\n"
        + "  * Release "
        + debVersion
        + " (https://github.com/unitaudit/unitaudit/releases).\n\n"
        + " -- unitaudit maintainers <unitaudit@users.noreply.github.com>  "
        + java.time.format.DateTimeFormatter.ofPattern(
                "EEE, dd MMM yyyy HH:mm:ss Z", java.util.Locale.ROOT)
            .format(when)
        + "\n";
  }

  /**
   * gzip -9n: best compression, no name and no time in the header, so builds reproduce. Written by
   * hand because java.util.zip's GZIPOutputStream leaves the header's XFL byte at 0, which Debian's
   * checker reads as a page not compressed at the maximum level (lintian's
   * poor-compression-in-manual-page, an error).
   */
  static void gzip(String text, Path file) throws IOException {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(data);
    try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
      // magic, deflate, no flags, mtime 0, XFL 2 (maximum compression), OS 3 (Unix)
      os.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3});
      Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
      try (java.util.zip.DeflaterOutputStream deflate =
          new java.util.zip.DeflaterOutputStream(new NonClosing(os), deflater)) {
        deflate.write(data);
      } finally {
        deflater.end();
      }
      littleEndian(os, crc.getValue());
      littleEndian(os, data.length & 0xffffffffL);
    }
  }

  private static void littleEndian(OutputStream os, long v) throws IOException {
    for (int i = 0; i < 4; i++) {
      os.write((int) (v >>> (8 * i)) & 0xff);
    }
  }

  /** Lets the deflate stream finish without closing the file it writes into. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
