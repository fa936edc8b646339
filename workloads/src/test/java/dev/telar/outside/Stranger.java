package dev.telar.outside;

/** A record outside dev.telar.workloads, which the lab's record codec must refuse to carry. */
public record Stranger(String name) {
}
