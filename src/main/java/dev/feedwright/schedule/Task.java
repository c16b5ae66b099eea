package dev.feedwright.schedule;

/** What the daemon runs: each has its own job, trigger and line in the status. */
public enum Task {
    EXPORT("export"),
    CHECK_LINKS("check-links");

    private final String id;

    Task(String id) {
        this.id = id;
    }

    /** The name in logs, status and Quartz job keys: {@code export}, {@code check-links}. */
    public String id() {
        return id;
    }

    static Task byId(String id) {
        for (Task task : values()) {
            if (task.id.equals(id)) {
                return task;
            }
        }
        throw new IllegalArgumentException("no task named '" + id + "'");
    }
}
