package dev.telar.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a frame laid out: the targets under a cell, later ones on top, and the process list's page kept by the view. */
class LaidOutTest {

    @Test
    void findsTheTargetUnderACellWithLaterTargetsOnTop() {
        LaidOut laid = LaidOut.of(List.of(Target.of(5, 0, 80, Target.Action.SELECT_FIELD, 2)))
                .then(LaidOut.of(List.of(Target.of(5, 12, 14, Target.Action.CHANGE_FIELD, -1))));
        assertThat(laid.at(0, 5)).get().extracting(Target::action).isEqualTo(Target.Action.SELECT_FIELD);
        assertThat(laid.at(79, 5)).get().extracting(Target::argument).isEqualTo(2);
        assertThat(laid.at(12, 5)).get().extracting(Target::action).isEqualTo(Target.Action.CHANGE_FIELD);
        assertThat(laid.at(13, 5)).get().extracting(Target::argument).isEqualTo(-1);
        assertThat(laid.at(80, 5)).as("the end is exclusive").isEmpty();
        assertThat(laid.at(3, 4)).as("another row").isEmpty();
    }

    @Test
    void keyTargetsCarryTheirKeyAndNothingHitsNothing() {
        KeyStroke q = new KeyStroke('q', false, false);
        LaidOut laid = LaidOut.of(List.of(Target.key(23, 70, 76, q)));
        assertThat(laid.at(70, 23)).get().extracting(Target::key).isSameAs(q);
        assertThat(LaidOut.NOTHING.at(70, 23)).isEmpty();
        assertThat(LaidOut.NOTHING.then(laid)).isSameAs(laid);
    }

    @Test
    void theProcessListsPageComesFromThePanelThatDrewItAndStaysWhenAnotherViewIsDrawn() {
        List<Target> rows = new ArrayList<>();
        for (int row = 0; row < 300; row++) {
            rows.add(Target.of(row, 0, 10, Target.Action.SELECT_PROCESS, row));
        }
        LaidOut list = new LaidOut(rows, 17, 40).then(LaidOut.of(List.of(Target.key(299, 0, 5, new KeyStroke('h', false,
                false)))));
        assertThat(list.pageRows()).isEqualTo(17);
        assertThat(list.scrollTop()).isEqualTo(40);
        assertThat(list.at(9, 298)).get().extracting(Target::argument).isEqualTo(298);
        ViewState view = new ViewState(1000);
        view.setLaidOut(list);
        assertThat(view.pageRows()).isEqualTo(17);
        assertThat(view.scrollTop()).isEqualTo(40);
        view.setLaidOut(LaidOut.of(List.of(Target.key(0, 0, 1, new KeyStroke('x', false, false)))));
        assertThat(view.pageRows()).as("a frame without the list keeps its page").isEqualTo(17);
        assertThat(view.laidOut().at(9, 298)).as("but its targets are gone").isEmpty();
    }
}
