package dev.soko.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * Generates, for each valid {@code @FeatureGroup} record, its definition ({@code <Record>Group}),
 * writer ({@code <Record>Writer}) and reader ({@code <Record>Reader}), and reports every mistake in
 * the declaration as a compile error on the offending element.
 *
 * <p>Each generated file depends on its record alone, so this processor is declared to Gradle as
 * isolating. The registry entries that list every group are written by {@link RegistryProcessor},
 * which is aggregating; the two share {@link GroupValidator}, and only this one reports its
 * problems, so each mistake is reported once.
 */
@AutoService(Processor.class)
public final class FeatureGroupProcessor extends AbstractProcessor {

  /** With {@code -Asoko.verbose=true}, the processor notes each group it generates code for. */
  static final String VERBOSE_OPTION = "soko.verbose";

  private static final Pattern TRAILING_SPACES = Pattern.compile("(?m) +$");
  private static final Pattern EMPTY_BODY = Pattern.compile("\\{\n *}");
  private static final Pattern ONE_LINE_JAVADOC =
      Pattern.compile("(?m)^( *)/\\*\\*\n\\1 \\* ([^\n]*)\n\\1 \\*/$");

  private GroupValidator validator;
  private Reporter reporter;
  private PendingGroups pending;
  private Filer filer;
  private boolean annotateGenerated;

  /** Creates the processor; the compiler calls this. */
  public FeatureGroupProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    validator = new GroupValidator(new Mirrors(environment.getElementUtils()));
    reporter =
        new Reporter(
            environment.getMessager(),
            Boolean.parseBoolean(environment.getOptions().get(VERBOSE_OPTION)));
    pending = new PendingGroups(environment.getElementUtils());
    filer = environment.getFiler();
    annotateGenerated =
        environment.getElementUtils().getTypeElement(Types.GENERATED.canonicalName()) != null;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Mirrors.FEATURE_GROUP);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(VERBOSE_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(Mirrors.FEATURE_GROUP);
    for (TypeElement type : pending.take(round, annotation)) {
      try {
        Validation validation = validator.validate(type);
        if (validation.deferred()) {
          pending.defer(type);
          continue;
        }

        reporter.report(validation);
        validation.model().ifPresent(this::generate);
      } catch (RuntimeException e) {
        reporter.unexpected(type, e);
      }
    }

    // Other processors may handle the same annotations; claiming them would hide them.
    return false;
  }

  private void generate(GroupModel group) {
    write(group, new GroupGenerator(group).generate(start(group, group.groupClass())));
    write(group, new WriterGenerator(group).generate(start(group, group.writerClass())));
    write(group, new ReaderGenerator(group).generate(start(group, group.readerClass())));
    reporter.note(
        group.element(),
        Messages.generated(group.recordClass().canonicalName(), group.name(), group.version()));
  }

  private TypeSpec.Builder start(GroupModel group, ClassName name) {
    TypeSpec.Builder type = TypeSpec.classBuilder(name).addOriginatingElement(group.element());
    if (annotateGenerated) {
      type.addAnnotation(
          AnnotationSpec.builder(Types.GENERATED)
              .addMember("value", "$S", FeatureGroupProcessor.class.getCanonicalName())
              .build());
    }

    return type;
  }

  private void write(GroupModel group, TypeSpec type) {
    JavaFile file =
        JavaFile.builder(group.recordClass().packageName(), type).skipJavaLangImports(true).build();
    String name = file.packageName() + "." + type.name();
    try {
      JavaFileObject source =
          filer.createSourceFile(name, type.originatingElements().toArray(new Element[0]));
      try (Writer writer = source.openWriter()) {
        writer.write(tidy(file.toString()));
      }
    } catch (IOException e) {
      reporter.error(group.element(), null, null, Messages.cannotWrite(name, e.getMessage()));
    }
  }

  /**
   * Returns generated source as google-java-format would write it where JavaPoet differs: no space
   * at the end of a line (JavaPoet leaves one where it wraps after "="), a javadoc of one short
   * line on one line, and an empty body as {@code {}}.
   */
  static String tidy(String source) {
    String trimmed = TRAILING_SPACES.matcher(source).replaceAll("");
    Matcher javadoc = ONE_LINE_JAVADOC.matcher(trimmed);
    StringBuilder out = new StringBuilder();
    while (javadoc.find()) {
      String oneLine = javadoc.group(1) + "/** " + javadoc.group(2) + " */";
      javadoc.appendReplacement(
          out, Matcher.quoteReplacement(oneLine.length() <= 100 ? oneLine : javadoc.group()));
    }

    javadoc.appendTail(out);
    return EMPTY_BODY.matcher(out).replaceAll("{}");
  }
}
