package dev.telar.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class AuxVectorTest {
    /** The kernel's own vector gives what libc's sysconf gives. */
    @Test
    void liveValuesAreSysconfs() {
        assertThat(AuxVector.value(AuxVector.AT_CLKTCK)).isEqualTo(LibC.INSTANCE.sysconf(LibC._SC_CLK_TCK));
        assertThat(AuxVector.value(AuxVector.AT_PAGESZ)).isEqualTo(LibC.INSTANCE.sysconf(LibC._SC_PAGESIZE));
        assertThat(Kernel.clockTicksPerSecond()).isEqualTo(LibC.INSTANCE.sysconf(LibC._SC_CLK_TCK));
        assertThat(Kernel.pageSize()).isEqualTo(LibC.INSTANCE.sysconf(LibC._SC_PAGESIZE));
    }

    @Test
    void findsAnEntryInWordsOfEitherSizeAndStopsAtTheEnd() {
        assertThat(AuxVector.find(vector(8, 3, 77, 17, 100, 6, 4096, 0, 0, 17, 250), 17, 8)).isEqualTo(100);
        assertThat(AuxVector.find(vector(8, 3, 77, 17, 100, 6, 4096, 0, 0, 17, 250), 6, 8)).isEqualTo(4096);
        assertThat(AuxVector.find(vector(4, 6, 16384, 17, 1000, 0, 0), 17, 4)).isEqualTo(1000);
        // an entry after the terminating 0 is not part of the vector
        assertThat(AuxVector.find(vector(8, 3, 77, 0, 0, 51, 9), 51, 8)).isEqualTo(-1);
        assertThat(AuxVector.find(new byte[12], 17, 8)).isEqualTo(-1);
    }

    private static byte[] vector(int word, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * word).order(ByteOrder.nativeOrder());
        for (long v : values) {
            if (word == 8) {
                b.putLong(v);
            } else {
                b.putInt((int) v);
            }
        }
        return b.array();
    }
}
