package dev.stepwise.core.competency;

/** The five stages of skill acquisition every competency matrix uses. */
public enum Level {
    NOVICE(1, "Novice"),
    ADVANCED_BEGINNER(2, "Advanced Beginner"),
    COMPETENT(3, "Competent"),
    PROFICIENT(4, "Proficient"),
    EXPERT(5, "Expert");

    private final int number;
    private final String label;

    Level(int number, String label) {
        this.number = number;
        this.label = label;
    }

    public int number() {
        return number;
    }

    public String label() {
        return label;
    }

    public static Level of(int number) {
        for (Level level : values()) {
            if (level.number == number) {
                return level;
            }
        }
        throw new IllegalArgumentException("A level is 1 (Novice) to 5 (Expert), not " + number);
    }
}
