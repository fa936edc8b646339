package dev.telar.tui.panel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Latencies and counts as the exchange panels print them. */
class ExchangeFormatTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.84|0.8 µs", "12.34|12.3 µs", "99.9|99.9 µs", "450|450 µs", "999.4|999 µs", "999.6|1.0 ms",
        "2100|2.1 ms", "13900|14 ms", "207000|207 ms", "999400|999 ms", "1200000|1.2 s", "-5|0.0 µs", "NaN|-",
    })
    void latenciesKeepThreeDigitsAndTheirUnit(double micros, String shown) {
        assertThat(ExchangeFormat.micros(micros)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"950|950", "100000|100k", "1000000|1M", "1500000|1.5M", "2100000000|2.1G"})
    void countsGetASuffix(double n, String shown) {
        assertThat(ExchangeFormat.count(n)).isEqualTo(shown);
    }
}
