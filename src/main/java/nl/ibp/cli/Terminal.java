package nl.ibp.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;

/** The streams a command talks through; tests pass their own. */
public record Terminal(BufferedReader in, PrintWriter out, PrintWriter err, boolean interactive) {
}
