package org.wiredesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The starred rules of HOUSE-STYLE.md, held by the build. */
@AnalyzeClasses(packages = "org.wiredesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnNothingOfOursAndNoFramework = classes()
            .that().resideInAPackage("org.wiredesk.story..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.wiredesk.story..", "java..")
            .because("the domain is plain records and rules: no store, no screens, no parser");

    @ArchTest
    static final ArchRule storiesHaveNoSetters = methods()
            .that().areDeclaredInClassesThat().resideInAPackage("org.wiredesk.story..")
            .and().arePublic()
            .should().haveNameNotMatching("(set|with)[A-Z].*")
            .because("a story's body is fixed at ingest: there is no setter and no 'with' method");

    @ArchTest
    static final ArchRule domainFieldsAreFinal = fields()
            .that().areDeclaredInClassesThat().resideInAPackage("org.wiredesk.story..")
            .and().areNotStatic()
            .should().beFinal()
            .because("domain types are immutable");

    @ArchTest
    static final ArchRule sqlOnlyInStore = noClasses()
            .that().resideOutsideOfPackage("org.wiredesk.store..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("the store is the only package that talks SQL");

    @ArchTest
    static final ArchRule jsoupOnlyInIngestAndPublish = noClasses()
            .that().resideOutsideOfPackages("org.wiredesk.ingest..", "org.wiredesk.publish..")
            .should().dependOnClassesThat().resideInAPackage("org.jsoup..")
            .because("HTML is read in ingest and written in publish, nowhere else");

    @ArchTest
    static final ArchRule sceneGraphOnlyInDeskAndApp = noClasses()
            .that().resideOutsideOfPackages("org.wiredesk.desk..", "org.wiredesk.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "javafx.application..")
            .because("only screens and the application touch the scene graph");

    @ArchTest
    static final ArchRule viewModelsUseNoControlsStagesOrRunLater = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "javafx.application..")
            .because("view-models use javafx.beans and javafx.collections only, and are tested without a toolkit");

    @ArchTest
    static final ArchRule dependenciesPointOneWay = noClasses()
            .that().resideInAnyPackage("org.wiredesk.story..", "org.wiredesk.store..", "org.wiredesk.ingest..",
                    "org.wiredesk.publish..", "org.wiredesk.workflow..")
            .should().dependOnClassesThat().resideInAnyPackage("org.wiredesk.desk..", "org.wiredesk.app..")
            .because("view -> view-model -> service/repository -> domain, never back");

    @ArchTest
    static final ArchRule storeDoesNotKnowServices = noClasses()
            .that().resideInAPackage("org.wiredesk.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.wiredesk.ingest..", "org.wiredesk.publish..",
                    "org.wiredesk.workflow..")
            .because("repositories sit below the services that use them");

    @ArchTest
    static final ArchRule noThreadsOutsideTheTaskRunner = noClasses()
            .that().doNotHaveSimpleName("FxTaskRunner")
            .and().doNotHaveSimpleName("LiveChanges")
            .should().callConstructorWhere(DescribedPredicate.describe("a Thread constructor",
                    (JavaConstructorCall call) -> call.getTargetOwner().isAssignableTo(Thread.class)))
            .because("background work goes through the one TaskRunner (a shared desk's listener, which blocks on its "
                    + "connection for as long as the desk is open, is the exception)");

    @ArchTest
    static final ArchRule noMutableStatics = fields()
            .that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("org.wiredesk..")
            .should().beFinal()
            .because("no static mutable state, no singletons");

    @ArchTest
    static final ArchRule noSetStyle = noClasses()
            .should().callMethod(javafx.scene.Node.class, "setStyle", String.class)
            .because("styling lives in CSS with looked-up colours");

}
