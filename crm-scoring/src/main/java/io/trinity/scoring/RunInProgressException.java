package io.trinity.scoring;

/** A scoring run was requested while another one is still running. */
public class RunInProgressException extends RuntimeException {

    private final long runningId;

    public RunInProgressException(long runningId) {
        super("scoring run " + runningId + " is still running");
        this.runningId = runningId;
    }

    public long runningId() {
        return runningId;
    }
}
