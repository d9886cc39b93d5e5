package dev.unitaudit.fix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a fix's drop-in. Never touches another file: it creates the {@code UNIT.d/} directory when
 * missing, refuses an existing drop-in of the same name unless {@code force}, refuses to write
 * through a symlink or outside the root, and replaces a forced file atomically.
 */
public final class DropInWriter {

  private DropInWriter() {}

  /** Why a drop-in was not written. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message);
    }
  }

  /** Writes {@code fix.text()} to {@code fix.file()}; returns the file written. */
  public static Path write(UnitFix fix, boolean force) throws Refused, IOException {
    if (fix.file() == null || fix.isEmpty()) {
      throw new Refused("nothing to write");
    }
    Path file = fix.file();
    Path dir = file.getParent();
    if (Files.isSymbolicLink(file)) {
      throw new Refused(fix.display() + " is a symlink; not writing through it");
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !force) {
      throw new Refused(fix.display() + " already exists; use --force to replace it");
    }
    Path confine = fix.confine().toRealPath();
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !existing.toRealPath().startsWith(confine)) {
      throw new Refused(fix.display() + ": its directory leads outside " + fix.confine());
    }
    Files.createDirectories(dir);
    if (!dir.toRealPath().startsWith(confine)) {
      throw new Refused(fix.display() + ": its directory leads outside " + fix.confine());
    }
    byte[] bytes = fix.text().getBytes(StandardCharsets.UTF_8);
    if (force) {
      Path tmp = Files.createTempFile(dir, ".zz-unitaudit-", ".tmp");
      try {
        Files.write(tmp, bytes);
        readable(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } else {
      try {
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        readable(file);
      } catch (FileAlreadyExistsException e) {
        throw new Refused(fix.display() + " already exists; use --force to replace it");
      }
    }
    return file;
  }

  /** 0644, as unit files are (a temporary file starts 0600). */
  private static void readable(Path p) {
    try {
      Files.setPosixFilePermissions(
          p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    } catch (IOException | UnsupportedOperationException e) {
      // not a POSIX file system: leave the default
    }
  }
}
