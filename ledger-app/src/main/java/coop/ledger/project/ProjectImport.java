package coop.ledger.project;

import coop.ledger.importing.ImportRow;
import coop.ledger.importing.RowHandler;
import coop.ledger.importing.RowRejectedException;
import coop.ledger.importing.RowWriter;
import coop.ledger.project.api.SignProjectCommand;
import coop.ledger.shared.write.CommandSender;
import coop.ledger.shared.web.WriteContext;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Imports signed projects and their milestones. A milestone row names its {@code type} (firm-up, start, complete,
 * cancel or investment) and holds the fields of the matching REST request body, mapped to its command as the
 * endpoint maps that body.
 */
@Component
class ProjectImport implements RowHandler {

    private static final String PARENT = "projectId";

    private final CommandSender commands;

    ProjectImport(CommandSender commands) {
        this.commands = commands;
    }

    @Override
    public Map<String, String> kinds() {
        return Map.of("project", "", "project-milestone", PARENT);
    }

    @Override
    public void record(ImportRow row, RowWriter writer) {
        if (row.kind().equals("project")) {
            ProjectRequests.Sign body = writer.read(ProjectRequests.Sign.class);
            WriteContext context = writer.context("sign");
            SignProjectCommand signing = body.toCommand(context);
            writer.wrote(commands.send(signing.projectId(), signing, context));
            return;
        }
        String id = writer.parentId(PARENT);
        String type = row.text("type");
        String[] excluded = {PARENT, "type"};
        WriteContext context = writer.context(type);
        Object milestone = switch (type == null ? "" : type) {
            case "firm-up" -> writer.read(ProjectRequests.FirmUp.class, excluded).toCommand(id, context);
            case "start" -> writer.read(ProjectRequests.Start.class, excluded).toCommand(id, context);
            case "complete" -> writer.read(ProjectRequests.Complete.class, excluded).toCommand(id, context);
            case "cancel" -> writer.read(ProjectRequests.Cancel.class, excluded).toCommand(id, context);
            case "investment" -> writer.read(ProjectRequests.Investment.class, excluded).toCommand(id, context);
            default -> throw new RowRejectedException("type",
                    "must be one of firm-up, start, complete, cancel, investment");
        };
        writer.wrote(commands.send(id, milestone, context));
    }
}
