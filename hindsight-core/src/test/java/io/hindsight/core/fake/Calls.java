package io.hindsight.core.fake;

/**
 * The calls a fake gets, counted as reads and writes, with {@link Faults} asked before each call (a refusal)
 * and after it (a lost answer).
 */
final class Calls {
    private final Faults faults;
    private int reads;
    private int writes;

    Calls(Faults faults) {
        this.faults = faults;
    }

    synchronized void read(String call) {
        faults.before(call);
        reads++;
    }

    synchronized void write(String call) {
        faults.before(call);
        writes++;
    }

    /** The call was carried out; its answer may still be lost. */
    <T> T done(String call, T result) {
        faults.after(call);
        return result;
    }

    synchronized int reads() {
        return reads;
    }

    synchronized int writes() {
        return writes;
    }

    synchronized void reset() {
        reads = 0;
        writes = 0;
    }
}
