package dev.telar.tui.panel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cores panel's sparkline glyphs and its grid of cores. */
class CoresPanelTest {
    @Test
    void sparkGlyphsRiseWithLoad() {
        assertThat(CoresPanel.spark(0)).isEqualTo('▁');
        assertThat(CoresPanel.spark(50)).isEqualTo('▅');
        assertThat(CoresPanel.spark(100)).isEqualTo('█');
        assertThat(CoresPanel.spark(-3)).isEqualTo('▁');
    }

    @Test
    void gridUsesMoreColumnsForMoreCores() {
        assertThat(CoresPanel.grid(2, 80, 10)).isEqualTo(new CoresPanel.Grid(1, 2));
        assertThat(CoresPanel.grid(8, 80, 10)).isEqualTo(new CoresPanel.Grid(2, 4));
        CoresPanel.Grid many = CoresPanel.grid(128, 120, 30);
        assertThat(many.columns() * many.rows()).isGreaterThanOrEqualTo(128);
        assertThat(many.rows()).isLessThanOrEqualTo(30);
    }
}
