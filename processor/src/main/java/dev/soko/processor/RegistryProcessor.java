package dev.soko.processor;

import com.google.auto.service.AutoService;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the registry entries of the feature groups in a compilation: the {@code ServiceLoader}
 * listing of every generated definition ({@code META-INF/services/dev.soko.GroupDefinition}) and a
 * JSON description of each group ({@code META-INF/soko/<group>.v<version>.json}). It also refuses
 * two groups with the same name and version.
 *
 * <p>The listing depends on every group of the compilation, so this processor is declared to Gradle
 * as aggregating. It validates through the same {@link GroupValidator} as {@link
 * FeatureGroupProcessor} but reports none of those problems, which that processor already does;
 * invalid groups are simply left out.
 */
@AutoService(Processor.class)
public final class RegistryProcessor extends AbstractProcessor {

  static final String SERVICES = "META-INF/services/dev.soko.GroupDefinition";

  private Mirrors mirrors;
  private GroupValidator validator;
  private Reporter reporter;
  private PendingGroups pending;
  private Filer filer;

  /** The group name and version of each group seen, to the record that declares it. */
  private final Map<String, TypeElement> declared = new HashMap<>();

  /** The binary name of each generated definition, to its record, sorted by name. */
  private final Map<String, TypeElement> definitions = new TreeMap<>();

  /** Creates the processor; the compiler calls this. */
  public RegistryProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    mirrors = new Mirrors(environment.getElementUtils());
    validator = new GroupValidator(mirrors);
    reporter = new Reporter(environment.getMessager(), false);
    pending = new PendingGroups(environment.getElementUtils());
    filer = environment.getFiler();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Mirrors.FEATURE_GROUP);
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
        } else {
          validation.model().ifPresent(this::register);
        }
      } catch (RuntimeException e) {
        reporter.unexpected(type, e);
      }
    }

    if (round.processingOver() && !definitions.isEmpty()) {
      writeServices();
    }

    return false;
  }

  private void register(GroupModel group) {
    String id = group.name() + ".v" + group.version();
    TypeElement other = declared.putIfAbsent(id, group.element());
    if (other != null) {
      AnnotationMirror mirror = mirrors.find(group.element(), Mirrors.FEATURE_GROUP).orElseThrow();
      reporter.error(
          group.element(),
          mirror,
          mirrors.explicitValue(mirror, "name"),
          Messages.duplicateGroup(
              group.name(), group.version(), other.getQualifiedName().toString()));
      return;
    }

    definitions.put(group.groupClass().reflectionName(), group.element());
    write(group.descriptionPath(), GroupJson.of(group), group.element());
  }

  // Limitation: the listing holds the groups of this compilation only. A build that recompiles part
  // of a module (rather than Gradle, which reprocesses every group for an aggregating processor)
  // must rebuild the module cleanly to keep the listing whole.
  private void writeServices() {
    StringBuilder listing = new StringBuilder();
    for (String definition : definitions.keySet()) {
      listing.append(definition).append('\n');
    }

    write(SERVICES, listing.toString(), definitions.values().toArray(new Element[0]));
  }

  private void write(String path, String content, Element... originatingElements) {
    try {
      FileObject file =
          filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, originatingElements);
      try (Writer writer =
          new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        writer.write(content);
      }
    } catch (IOException e) {
      reporter.error(
          originatingElements[0], null, null, Messages.cannotWrite(path, e.getMessage()));
    }
  }
}
