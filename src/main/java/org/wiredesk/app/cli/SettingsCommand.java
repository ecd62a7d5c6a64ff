package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.publish.DeskSettings;
import org.wiredesk.story.Role;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.store.SettingsRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

// written out: the generated synopsis shows --set as repeatable, and one at a time is the rule
@Command(name = "settings", mixinStandardHelpOptions = true,
        customSynopsis = {"wiredesk settings [-hV] [--list | --set KEY VALUE] [--store=DIR|URL]",
                "                         [--user=NAME]"},
        description = {"Lists the desk's settings, each key with its value (--list, the default), or sets one "
                + "(--set KEY VALUE: a desk chief or the store's owner).",
                "desk.outlet: the outlet's name (IFP); desk.section: the section's name (Media Wire); "
                        + "publish.disclaimer: the note under every story, where {outlet} stands for the outlet's "
                        + "name; site.base-url: the site's http(s) address. Every page prints them."})
final class SettingsCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "Print each key and its value; a value nobody set is marked (default).")
    boolean list;

    @Option(names = "--set", arity = "2", paramLabel = "KEY VALUE", hideParamSyntax = true,
            description = "Set one key (see --list) to VALUE; checked first, so a refused value changes nothing.")
    String[] set;

    @Override
    public Integer call() {
        if (set != null && set.length != 2) {
            // each value is checked before it is stored: a second one refused would leave the first one changed
            throw new ParameterException(spec.commandLine(), "Give one --set KEY VALUE at a time");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = cli.open()) {
            if (set != null) {
                requireRight(app);
                app.settings().set(set[0], set[1]);
                out.println("set " + set[0] + ": " + stored(app, set[0]).orElseThrow());
            }
            if (set == null || list) {
                list(app, out);
            }
        }
        return 0;
    }

    /**
     * The owner and desk chiefs set the desk's settings. The store refuses anyone else too (a trigger on Derby, row
     * security on PostgreSQL); asking first gives the member a sentence that names the role.
     */
    private static void requireRight(AppContext app) {
        if (!app.user().has(Role.DESK_CHIEF) && !app.users().signedInAsOwner()) {
            throw new WorkflowException(app.user().username() + " may not change the desk settings: that needs "
                    + "the desk chief role or the store's owner");
        }
    }

    private static void list(AppContext app, PrintWriter out) {
        int width = DeskSettings.KEYS.stream().mapToInt(String::length).max().orElse(0);
        for (String key : DeskSettings.KEYS) {
            Optional<String> value = stored(app, key);
            String shown = value.orElseGet(() -> defaultOf(key).map(d -> d + "  (default)").orElse("(not set)"));
            out.println(String.format("%-" + width + "s  %s", key, shown));
        }
    }

    /** What the desk has stored for a key, as typed (the disclaimer with {outlet} still in it). */
    private static Optional<String> stored(AppContext app, String key) {
        return new SettingsRepository(app.database()).get(key);
    }

    /** What pages use while nobody has set the key; the base URL has no default. */
    private static Optional<String> defaultOf(String key) {
        return Optional.ofNullable(switch (key) {
            case DeskSettings.OUTLET -> DeskSettings.DEFAULT_OUTLET;
            case DeskSettings.SECTION -> DeskSettings.DEFAULT_SECTION;
            case DeskSettings.DISCLAIMER -> DeskSettings.DEFAULT_DISCLAIMER;
            default -> null;
        });
    }
}
