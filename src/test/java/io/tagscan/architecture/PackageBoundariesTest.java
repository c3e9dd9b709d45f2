package io.tagscan.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps each stage of the pipeline to its one job, as the style guide lays out. */
@AnalyzeClasses(packages = "io.tagscan", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageBoundariesTest {

  @ArchTest
  static final ArchRule onlyTheCommandLineUsesPicocli =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.tagscan.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("picocli..");

  @ArchTest
  static final ArchRule onlyTheInventoryTalksToAws =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.tagscan.inventory..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("software.amazon.awssdk..");

  @ArchTest
  static final ArchRule rulesDoNoIo =
      noClasses()
          .that()
          .resideInAPackage("io.tagscan.rules..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.io..", "java.nio..", "java.net..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.time.Clock");

  @ArchTest
  static final ArchRule rulesKnowOnlyTheModelAndTheDictionary =
      classes()
          .that()
          .resideInAPackage("io.tagscan.rules..")
          .should()
          .onlyDependOnClassesThat()
          .resideOutsideOfPackages(
              "io.tagscan.cli..",
              "io.tagscan.inventory..",
              "io.tagscan.report..",
              "io.tagscan.scan..");

  @ArchTest
  static final ArchRule reportsKnowNothingOfAwsOrRuleLogic =
      noClasses()
          .that()
          .resideInAPackage("io.tagscan.report..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.tagscan.rules..",
              "io.tagscan.inventory..",
              "io.tagscan.cli..",
              "io.tagscan.scan..",
              "software.amazon.awssdk..");

  @ArchTest
  static final ArchRule theDictionaryKnowsNothingOfTheOtherStages =
      noClasses()
          .that()
          .resideInAPackage("io.tagscan.dictionary..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.tagscan.rules..",
              "io.tagscan.inventory..",
              "io.tagscan.report..",
              "io.tagscan.cli..",
              "io.tagscan.scan..");

  @ArchTest
  static final ArchRule theInventoryKnowsNothingOfRulesOrReports =
      noClasses()
          .that()
          .resideInAPackage("io.tagscan.inventory..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.tagscan.rules..", "io.tagscan.report..", "io.tagscan.cli..", "io.tagscan.scan..");

  @ArchTest
  static final ArchRule theModelStandsAlone =
      noClasses()
          .that()
          .resideInAPackage("io.tagscan.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.tagscan.cli..",
              "io.tagscan.dictionary..",
              "io.tagscan.inventory..",
              "io.tagscan.rules..",
              "io.tagscan.report..",
              "io.tagscan.scan..");

  @ArchTest
  static final ArchRule theScanOrchestratorDoesNotParseTheCommandLine =
      noClasses()
          .that()
          .resideInAPackage("io.tagscan.scan..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.tagscan.cli..");

  @ArchTest
  static final ArchRule onlyMainExitsTheProcess =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("io.tagscan.cli.Main")
          .should()
          .callMethod(System.class, "exit", int.class);

  @ArchTest
  static final ArchRule nothingWritesToTheProcessStreamsDirectly =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("io.tagscan.cli.Main")
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err");
}
