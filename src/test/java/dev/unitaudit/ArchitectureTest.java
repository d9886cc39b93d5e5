package dev.unitaudit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Package dependencies point one way (README "Development", STYLE.md 5.2). The layers, lowest
 * first, as the code has them:
 *
 * <pre>
 * syntax → model → result, load
 *   analysis:  check → rules → engine (engine also uses load);  score (model only)
 *   report:    AuditReport records and their formats (rules, model, result, syntax only)
 * app (uses all of the above) → fix (uses app); diff (uses report only) → cli
 *   fleet (summary of many finished reports; uses report only, like diff) → cli
 * </pre>
 *
 * {@code report} sits below {@code app}: the pipeline builds an {@code AuditReport}, and the
 * reporters only format one. Each layer names the layers it may use; anything else fails.
 */
class ArchitectureTest {

  private static final String ROOT = "dev.unitaudit";

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  static ArchRule layering() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("syntax")
        .definedBy(ROOT + ".syntax..")
        .layer("model")
        .definedBy(ROOT + ".model..")
        .layer("result")
        .definedBy(ROOT + ".result..")
        .layer("load")
        .definedBy(ROOT + ".load..")
        .layer("check")
        .definedBy(ROOT + ".check..")
        .layer("rules")
        .definedBy(ROOT + ".rules..")
        .layer("engine")
        .definedBy(ROOT + ".engine..")
        .layer("score")
        .definedBy(ROOT + ".score..")
        .layer("report")
        .definedBy(ROOT + ".report..")
        .layer("app")
        .definedBy(ROOT + ".app..")
        .layer("fix")
        .definedBy(ROOT + ".fix..")
        .layer("diff")
        .definedBy(ROOT + ".diff..")
        .layer("fleet")
        .definedBy(ROOT + ".fleet..")
        .layer("cli")
        .definedBy(ROOT + ".cli..")
        .whereLayer("syntax")
        .mayNotAccessAnyLayer()
        .whereLayer("model")
        .mayOnlyAccessLayers("syntax")
        .whereLayer("result")
        .mayOnlyAccessLayers("model", "syntax")
        .whereLayer("load")
        .mayOnlyAccessLayers("model", "syntax")
        // check kinds see a unit and a CheckContext, never the loader: engine bridges the two
        .whereLayer("check")
        .mayOnlyAccessLayers("model", "result", "syntax")
        .whereLayer("rules")
        .mayOnlyAccessLayers("check", "model", "result", "syntax")
        .whereLayer("engine")
        .mayOnlyAccessLayers("rules", "check", "load", "model", "result", "syntax")
        // the exposure score is a pure function of a merged unit, apart from the rule set
        .whereLayer("score")
        .mayOnlyAccessLayers("model", "syntax")
        // reporters never compute analysis: no load, check, rules engine or score
        .whereLayer("report")
        .mayOnlyAccessLayers("rules", "model", "result", "syntax")
        .whereLayer("app")
        .mayOnlyAccessLayers(
            "report", "engine", "rules", "check", "score", "load", "model", "result", "syntax")
        .whereLayer("fix")
        .mayOnlyAccessLayers(
            "app", "report", "engine", "rules", "check", "score", "load", "model", "result",
            "syntax")
        // diff compares two finished reports; it recomputes nothing
        .whereLayer("diff")
        .mayOnlyAccessLayers("report", "rules", "model", "result", "syntax")
        // fleet rolls up finished reports read back from JSON; like diff, it recomputes nothing
        .whereLayer("fleet")
        .mayOnlyAccessLayers("report", "rules", "model", "result", "syntax")
        .whereLayer("cli")
        .mayOnlyAccessLayers(
            "app", "fix", "diff", "fleet", "report", "engine", "rules", "check", "score", "load",
            "model", "result", "syntax");
  }

  /** Said once more on its own, so a violation names the promise it breaks. */
  static ArchRule reportersComputeNothing() {
    return noClasses()
        .that()
        .resideInAPackage(ROOT + ".report..")
        .should()
        .transitivelyDependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".engine..",
            ROOT + ".check..",
            ROOT + ".score..",
            ROOT + ".load..",
            ROOT + ".app..")
        .because("reporters format a finished AuditReport and never compute analysis");
  }

  @Test
  void dependenciesPointOneWay() {
    layering().check(classes);
  }

  @Test
  void reportersNeverComputeAnalysis() {
    reportersComputeNothing().check(classes);
  }

  @Test
  void onlyCliTouchesPicocliAndTheProcess() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .because("picocli lives in cli only")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".cli..")
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .orShould()
        .callMethod(System.class, "exit", int.class)
        .because("only cli prints and picks the exit code")
        .check(classes);
  }
}
