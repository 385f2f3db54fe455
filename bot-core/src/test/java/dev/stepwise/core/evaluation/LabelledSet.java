package dev.stepwise.core.evaluation;

import dev.stepwise.core.catalogue.bench.BenchQueries;
import dev.stepwise.core.catalogue.bench.OcwCourses;
import dev.stepwise.core.competency.Level;
import dev.stepwise.core.situations.Situation;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the harness asks, with rough relevance labels taken from the MIT OpenCourseWare topics: catalogue questions
 * ({@link BenchQueries}), situations as a leader types them in chat, and skill gaps. A course is relevant to a query when
 * it carries one of the query's labels; a label is an OCW topic, or topics joined by {@code " & "} that the course must
 * all carry ({@code "Communication & Business"}: communication courses of the business school, not media studies).
 * Every topic named here is checked against the export before anything runs.
 */
final class LabelledSet {

    /** A situation for just-in-time help, and the topics of the courses that would help with it. */
    record LabelledSituation(Situation situation, Set<String> labels) {

        /** The situation as the report shows it: what they said, then the goal and what good looks like when given. */
        String text() {
            return situation.text() + (situation.goal().isEmpty() ? "" : " (goal: " + situation.goal() + ")")
                    + (situation.good().isEmpty() ? "" : " (good: " + situation.good() + ")");
        }
    }

    /**
     * A skill gap: the organisation's skill (an OCW topic: the catalogue's items carry topics as skills), the
     * description its competency matrix gives it, where the person is now, and the narrower topics of the courses
     * within that skill that fit the description.
     */
    record Gap(String skill, String description, Level current, Set<String> labels) {

        Level next() {
            return Level.of(Math.min(Level.EXPERT.number(), current.number() + 1));
        }

        String text() {
            return skill + ", " + current.label();
        }
    }

    static final String IR_HR = "Industrial Relations and Human Resource Management";

    static final List<LabelledSituation> SITUATIONS = List.of(
            situation("I have to negotiate a supplier contract next week and I'm nervous", "", "",
                    IR_HR, "Game Theory & Business", "Supply Chain Management", "Organizational Behavior"),
            situation("my team keeps missing deadlines on the project", "get the release back on track without burning people out", "",
                    "Project Management", "Operations Management"),
            situation("I need to present our results to the board on Friday", "", "",
                    "Rhetoric", "Communication & Business"),
            situation("I have a tough performance conversation with someone in my team tomorrow", "", "",
                    "Leadership", "Organizational Behavior", IR_HR),
            situation("two people in my team are in open conflict and it's dragging everyone down", "", "",
                    "Organizational Behavior", IR_HR, "Leadership"),
            situation("I've been asked to lead a reorganisation and people are worried about their jobs", "", "",
                    "Leadership", "Organizational Behavior", "Management"),
            situation("I have to build next year's budget for my department and justify every line", "", "",
                    "Finance", "Accounting"),
            situation("we have to decide whether to launch a new product line", "", "",
                    "Marketing", "Innovation", "Entrepreneurship"),
            situation("I need to hire two engineers and I've never interviewed anyone", "", "",
                    IR_HR, "Organizational Behavior"),
            situation("our customers are leaving for a competitor and sales are down", "", "",
                    "Marketing"),
            situation("I must write a proposal to get funding for our new initiative", "", "",
                    "Technical Writing", "Academic Writing", "Communication & Business"),
            situation("our warehouses keep running out of stock and customers wait weeks", "fewer stock-outs without tying up cash", "",
                    "Supply Chain Management", "Operations Management"),
            situation("I'm managing people for the first time next month", "", "",
                    "Leadership", "Management", "Organizational Behavior"),
            situation("I have to explain a customer survey's results to my team and I'm not sure what the numbers mean", "", "",
                    "Probability and Statistics", "Econometrics", "Data Mining"),
            situation("someone on my team shared customer data they shouldn't have, and I have to handle it", "", "",
                    "Business Ethics", "Ethics", "Legal Studies"),
            situation("I'm giving a talk at a conference and I'm not a confident speaker", "", "",
                    "Rhetoric", "Communication"),
            situation("my team works remotely across three time zones and collaboration is poor", "", "",
                    "Organizational Behavior", "Leadership", "Management"),
            situation("I'm pitching our new venture to investors in two weeks", "", "",
                    "Entrepreneurship", "Finance", "Innovation"),
            situation("we're adding machine learning to our product and I need to understand it well enough to lead the team", "", "",
                    "Artificial Intelligence", "Data Mining"),
            situation("I have to set my department's strategy for the next three years", "", "a plan the team believes in",
                    "Management", "Leadership", "Operations Management"));

    static final List<Gap> GAPS = List.of(
            gap("Leadership", "Leading people: motivating a team, giving feedback, handling conflict and bringing people through change.",
                    Level.ADVANCED_BEGINNER, "Organizational Behavior", IR_HR, "Communication"),
            gap("Management", "Getting work delivered: planning, scheduling and running projects and operations on time and on budget.",
                    Level.NOVICE, "Project Management", "Operations Management"),
            gap("Communication", "Speaking to an audience: presenting clearly and arguing persuasively.",
                    Level.NOVICE, "Rhetoric"),
            gap("Finance", "Keeping the books: budgets, costs, balance sheets and financial reports.",
                    Level.NOVICE, "Accounting"),
            gap("Computer Science", "Building software people find easy to use: user interfaces, usability and software design.",
                    Level.COMPETENT, "Human-Computer Interfaces", "Software Design and Engineering"),
            gap("Economics", "How markets work: prices, competition and the strategies of firms.",
                    Level.ADVANCED_BEGINNER, "Microeconomics", "Industrial Organization"),
            gap("Teaching and Education", "Teaching others: planning a lesson or a workshop, explaining well and helping people learn.",
                    Level.COMPETENT, "Curriculum and Teaching"),
            gap("Probability and Statistics", "Making sense of data: regression, finding patterns in large data sets and drawing conclusions.",
                    Level.ADVANCED_BEGINNER, "Data Mining", "Econometrics"),
            gap("Operations Management", "Running the supply chain: suppliers, inventory, logistics and distribution.",
                    Level.ADVANCED_BEGINNER, "Supply Chain Management"),
            gap("Public Administration", "Shaping environmental and climate policy with governments and regulators.",
                    Level.COMPETENT, "Environmental Policy"),
            gap("Urban Studies", "Cities for people: transport, housing and how neighbourhoods are planned.",
                    Level.NOVICE, "Transportation Planning", "Housing Development"),
            gap("Health and Medicine", "Keeping populations healthy: preventing disease, epidemics and health programmes.",
                    Level.ADVANCED_BEGINNER, "Public Health", "Epidemiology"),
            gap("Business", "Starting and growing new ventures, and turning new ideas into products.",
                    Level.COMPETENT, "Entrepreneurship", "Innovation"),
            gap("Energy", "Clean power: renewable energy, electricity generation and the grid.",
                    Level.NOVICE, "Renewables", "Electricity", "Electric Power"),
            gap("Organizational Behavior", "Leading teams and organisations through change.",
                    Level.ADVANCED_BEGINNER, "Leadership"));

    private LabelledSet() {
    }

    /** Whether a course with these topics carries one of the labels. */
    static boolean relevant(Collection<String> courseTopics, Set<String> labels) {
        for (String label : labels) {
            if (Arrays.stream(label.split(" & ")).map(String::strip).allMatch(courseTopics::contains)) {
                return true;
            }
        }
        return false;
    }

    /** Fails when a label or a gap's skill names a topic the export doesn't have: such a label would judge nothing. */
    static void checkTopicsExist(OcwCourses ocw) {
        Set<String> known = new HashSet<>();
        ocw.courses().forEach(course -> known.addAll(course.topics()));
        Set<String> unknown = new TreeSet<>();
        BenchQueries.JUDGED.forEach(q -> q.relevantTopics().forEach(label -> addUnknown(label, known, unknown)));
        SITUATIONS.forEach(s -> s.labels().forEach(label -> addUnknown(label, known, unknown)));
        GAPS.forEach(g -> {
            addUnknown(g.skill(), known, unknown);
            g.labels().forEach(label -> addUnknown(label, known, unknown));
        });
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("Labels name topics the OCW export doesn't have: " + unknown);
        }
    }

    private static void addUnknown(String label, Set<String> known, Set<String> unknown) {
        Arrays.stream(label.split(" & ")).map(String::strip).filter(topic -> !known.contains(topic)).forEach(unknown::add);
    }

    private static LabelledSituation situation(String text, String goal, String good, String... labels) {
        return new LabelledSituation(new Situation(text, goal, good), Set.of(labels));
    }

    private static Gap gap(String skill, String description, Level current, String... labels) {
        return new Gap(skill, description, current, Set.of(labels));
    }
}
