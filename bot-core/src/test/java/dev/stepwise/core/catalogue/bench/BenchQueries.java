package dev.stepwise.core.catalogue.bench;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What people ask the catalogue: questions in chat words, each with the OCW topics whose courses count as relevant
 * (for the benchmark's ranking evaluation and the evaluation harness, {@code dev.stepwise.core.evaluation}). Written so that most don't name the topic: a keyword search can't just match it.
 */
public final class BenchQueries {

    public record Judged(String text, Set<String> relevantTopics) {
    }

    /** Questions in chat words that mostly don't name the topic. */
    public static final List<Judged> QUESTIONS = List.of(
            new Judged("how do I lead a team through a big change", Set.of("Leadership", "Organizational Behavior", "Management")),
            new Judged("give feedback and coach the people I manage", Set.of("Leadership", "Management", "Organizational Behavior")),
            new Judged("improve how my team makes decisions together", Set.of("Organizational Behavior", "Management", "Leadership")),
            new Judged("write clear reports and documentation as an engineer", Set.of("Technical Writing", "Academic Writing")),
            new Judged("speak persuasively to an audience", Set.of("Rhetoric", "Communication")),
            new Judged("I want to start my own company", Set.of("Entrepreneurship", "Innovation")),
            new Judged("read a balance sheet and value a business", Set.of("Finance", "Accounting", "Financial Economics")),
            new Judged("understanding the stock market and investing", Set.of("Finance", "Financial Economics")),
            new Judged("teach a computer to recognise patterns in data", Set.of("Artificial Intelligence", "Data Mining")),
            new Judged("keep messages secret with codes and ciphers", Set.of("Cryptography")),
            new Judged("plan deliveries and stock levels across warehouses", Set.of("Supply Chain Management", "Operations Management")),
            new Judged("run projects on time and on budget", Set.of("Project Management", "Operations Management")),
            new Judged("why prices rise and fall when supply changes", Set.of("Microeconomics", "Industrial Organization")),
            new Judged("how the brain makes sense of what we see", Set.of("Neuroscience", "Cognitive Science", "Sensory-Neural Systems")),
            new Judged("design software that people find easy to use", Set.of("Human-Computer Interfaces", "Software Design and Engineering")),
            new Judged("designing bridges and buildings that stay up", Set.of("Structural Engineering", "Civil Engineering",
                    "Structural Mechanics")),
            new Judged("the warming planet and extreme weather", Set.of("Climate Studies", "Climate", "Atmospheric Science")),
            new Judged("sell a product and reach new customers", Set.of("Marketing")),
            new Judged("making sense of uncertainty with numbers", Set.of("Probability and Statistics")),
            new Judged("sorting and searching efficiently in code", Set.of("Algorithms and Data Structures")),
            new Judged("solar panels and wind turbines on the grid", Set.of("Renewables", "Energy", "Electric Power")),
            new Judged("hiring, pay and looking after employees", Set.of("Industrial Relations and Human Resource Management",
                    "Labor Economics")),
            new Judged("doing the right thing in business", Set.of("Business Ethics", "Ethics")),
            new Judged("how cells copy and repair their DNA", Set.of("Molecular Biology", "Genetics", "Cell Biology")),
            new Judged("steering robots and drones automatically", Set.of("Robotics and Control Systems", "Dynamics and Control",
                    "Guidance and Control Systems")),
            new Judged("how diseases spread through a population", Set.of("Public Health", "Epidemiology")),
            new Judged("learn to program for beginners", Set.of("Programming Languages", "Computer Science", "Computation")),
            new Judged("how cities plan housing and transport", Set.of("Urban Planning", "Housing Development", "Transportation Planning")),
            new Judged("compose music and understand harmony", Set.of("Music Theory", "Music")),
            new Judged("negotiating between countries to avoid war", Set.of("International Relations", "Security Studies")));

    /** Searches as people type them into a search box: the subject's own words. */
    public static final List<Judged> KEYWORDS = List.of(
            new Judged("introduction to machine learning", Set.of("Artificial Intelligence", "Data Mining")),
            new Judged("linear algebra", Set.of("Linear Algebra")),
            new Judged("quantum mechanics", Set.of("Quantum Mechanics")),
            new Judged("game theory and strategy", Set.of("Game Theory")),
            new Judged("organic chemistry", Set.of("Organic Chemistry")),
            new Judged("supply chain management", Set.of("Supply Chain Management")),
            new Judged("macroeconomics", Set.of("Macroeconomics")),
            new Judged("leadership skills", Set.of("Leadership")),
            new Judged("real estate development", Set.of("Real Estate")),
            new Judged("biology of cancer", Set.of("Cancer")),
            new Judged("robotics", Set.of("Robotics and Control Systems")),
            new Judged("fluid mechanics", Set.of("Fluid Mechanics", "Hydrodynamics")),
            new Judged("creative writing workshop", Set.of("Creative Writing", "Fiction", "Poetry")),
            new Judged("environmental policy", Set.of("Environmental Policy")),
            new Judged("digital signal processing", Set.of("Signal Processing")));

    public static final List<Judged> JUDGED = Stream.concat(QUESTIONS.stream(), KEYWORDS.stream()).toList();

    /** Further questions for the latency runs, beside the judged ones. */
    static final List<String> MORE = List.of(
            "tough performance conversation tomorrow",
            "public speaking",
            "negotiation skills for managers",
            "statistics for data analysis",
            "how to write a grant proposal",
            "how do I get better at giving presentations to executives",
            "operations research optimization",
            "urban design");

    static List<String> texts() {
        return Stream.concat(JUDGED.stream().map(Judged::text), MORE.stream()).toList();
    }

    private BenchQueries() {
    }
}
