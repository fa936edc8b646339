package dev.telar.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import org.junit.jupiter.api.Test;

class ClickMapTest {

    @Test
    void findsTheTargetUnderACellWithLaterTargetsOnTop() {
        ClickMap map = new ClickMap();
        map.add(5, 0, 80, ClickMap.Action.SELECT_FIELD, 2);
        map.add(5, 12, 14, ClickMap.Action.CHANGE_FIELD, -1);
        assertThat(map.action(map.at(0, 5))).isEqualTo(ClickMap.Action.SELECT_FIELD);
        assertThat(map.argument(map.at(79, 5))).isEqualTo(2);
        assertThat(map.action(map.at(12, 5))).isEqualTo(ClickMap.Action.CHANGE_FIELD);
        assertThat(map.argument(map.at(13, 5))).isEqualTo(-1);
        assertThat(map.at(80, 5)).as("the end is exclusive").isEqualTo(-1);
        assertThat(map.at(3, 4)).as("another row").isEqualTo(-1);
    }

    @Test
    void keyTargetsCarryTheirKeyAndClearForgetsEverything() {
        ClickMap map = new ClickMap();
        KeyStroke q = new KeyStroke('q', false, false);
        map.addKey(23, 70, 76, q);
        assertThat(map.key(map.at(70, 23))).isSameAs(q);
        map.clear();
        assertThat(map.size()).isZero();
        assertThat(map.at(70, 23)).isEqualTo(-1);
    }

    @Test
    void growsPastItsFirstCapacityAndIgnoresEmptyRanges() {
        ClickMap map = new ClickMap();
        for (int row = 0; row < 300; row++) {
            map.add(row, 0, 10, ClickMap.Action.SELECT_PROCESS, row);
        }
        map.add(400, 5, 5, ClickMap.Action.SORT, 0);
        assertThat(map.size()).isEqualTo(300);
        assertThat(map.argument(map.at(9, 299))).isEqualTo(299);
    }
}
