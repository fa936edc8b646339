package dev.telar.tui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a panel, or a whole frame, laid out that keys and clicks act on: where the click
 * {@link Target}s went, and for the process list the rows one page shows (PgUp/PgDn move by it)
 * and the first process line drawn (the next frame scrolls from it). Panels return it from
 * drawing instead of writing it anywhere; the loop hands the frame's to the dispatcher. Immutable.
 *
 * @param targets   click targets, later ones on top of earlier ones
 * @param pageRows  process rows one page shows; -1 when no process list was drawn
 * @param scrollTop the first process line drawn; -1 when no process list was drawn
 */
public record LaidOut(List<Target> targets, int pageRows, int scrollTop) {
    /** Nothing a key or click acts on. */
    public static final LaidOut NOTHING = new LaidOut(List.of(), -1, -1);

    public LaidOut {
        targets = List.copyOf(targets);
    }

    /** Only click targets. */
    public static LaidOut of(List<Target> targets) {
        return targets.isEmpty() ? NOTHING : new LaidOut(targets, -1, -1);
    }

    /** This and then {@code later}: its targets on top, its page where it has one. */
    public LaidOut then(LaidOut later) {
        if (later.targets.isEmpty() && later.pageRows < 0) {
            return this;
        }
        if (targets.isEmpty() && pageRows < 0) {
            return later;
        }
        List<Target> all = new ArrayList<>(targets);
        all.addAll(later.targets);
        return new LaidOut(all, later.pageRows >= 0 ? later.pageRows : pageRows,
                later.pageRows >= 0 ? later.scrollTop : scrollTop);
    }

    /** The topmost target under the cell at ({@code column}, {@code row}). */
    public Optional<Target> at(int column, int row) {
        for (int i = targets.size() - 1; i >= 0; i--) {
            if (targets.get(i).covers(column, row)) {
                return Optional.of(targets.get(i));
            }
        }
        return Optional.empty();
    }
}
