package coop.ledger.project;

import coop.ledger.importing.ImportRow;
import coop.ledger.importing.RowHandler;
import coop.ledger.importing.RowRejectedException;
import coop.ledger.importing.RowWriter;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Imports signed projects and their milestones. A milestone row names its {@code type} (firm-up, start, complete,
 * cancel or investment) and holds the fields of the matching REST request body.
 */
@Component
class ProjectImport implements RowHandler {

    private static final String PARENT = "projectId";

    private final ProjectController projects;

    ProjectImport(ProjectController projects) {
        this.projects = projects;
    }

    @Override
    public Map<String, String> kinds() {
        return Map.of("project", "", "project-milestone", PARENT);
    }

    @Override
    public void record(ImportRow row, RowWriter writer) {
        if (row.kind().equals("project")) {
            writer.wrote(projects.sign(writer.read(ProjectRequests.Sign.class), writer.context("sign")).getBody());
            return;
        }
        String id = writer.parentId(PARENT);
        String type = row.text("type");
        String[] excluded = {PARENT, "type"};
        var result = switch (type == null ? "" : type) {
            case "firm-up" -> projects.firmUp(id, writer.read(ProjectRequests.FirmUp.class, excluded),
                    writer.context(type));
            case "start" -> projects.start(id, writer.read(ProjectRequests.Start.class, excluded), writer.context(type));
            case "complete" -> projects.complete(id, writer.read(ProjectRequests.Complete.class, excluded),
                    writer.context(type));
            case "cancel" -> projects.cancel(id, writer.read(ProjectRequests.Cancel.class, excluded),
                    writer.context(type));
            case "investment" -> projects.reportInvestment(id, writer.read(ProjectRequests.Investment.class, excluded),
                    writer.context(type));
            default -> throw new RowRejectedException("type",
                    "must be one of firm-up, start, complete, cancel, investment");
        };
        writer.wrote(result.getBody());
    }
}
