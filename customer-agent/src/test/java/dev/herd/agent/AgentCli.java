package dev.herd.agent;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the agent's command line in this JVM and keeps what it printed. */
public record AgentCli(int exit, String out, String err) {

    public static AgentCli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new AgentCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new AgentCli(exit, out.toString(), err.toString());
    }
}
