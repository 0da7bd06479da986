package io.hindsight.core.fake;

/** A fake that counts the reads and writes it is asked for, so a test can say "a re-sync writes nothing". */
abstract class CountedFake {
    final Calls calls;

    CountedFake(Faults faults) {
        this.calls = new Calls(faults);
    }

    public int reads() {
        return calls.reads();
    }

    public int writes() {
        return calls.writes();
    }

    public void resetCounts() {
        calls.reset();
    }
}
