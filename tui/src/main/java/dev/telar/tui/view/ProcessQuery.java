package dev.telar.tui.view;

import dev.telar.probe.ProcessInfo;
import dev.telar.probe.SystemSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a snapshot's unordered process list into the rows the process panel shows: filtered by
 * text, optionally reduced to Telar's own process tree (then shown as a tree, children under their
 * parent), then sorted. Pure function of its inputs.
 */
public final class ProcessQuery {
    private ProcessQuery() {
    }

    /**
     * The processes to show, in display order.
     *
     * @param snap      the snapshot, or null before the first (gives an empty list)
     * @param sort      the order
     * @param filter    case-insensitive text that the command or user must contain; empty keeps all
     * @param telarOnly keep only the snapshot's {@code selfPid} and its descendants
     */
    public static List<ProcessInfo> rows(SystemSnapshot snap, SortKey sort, String filter, boolean telarOnly) {
        if (snap == null) {
            return List.of();
        }
        Set<Integer> tree = telarOnly ? descendantsOf(snap.selfPid(), snap.processes()) : null;
        String needle = filter.toLowerCase(Locale.ROOT);
        List<ProcessInfo> out = new ArrayList<>();
        for (ProcessInfo p : snap.processes()) {
            if (tree != null && !tree.contains(p.pid())) {
                continue;
            }
            if (!needle.isEmpty() && !matches(p, needle)) {
                continue;
            }
            out.add(p);
        }
        out.sort(sort.order());
        return tree != null ? parentsFirst(out) : out;
    }

    /**
     * {@code sorted} rearranged so that every process comes right after its parent (its children in
     * the sort order among themselves): Telar's child JVMs show under Telar. A process whose parent
     * is not listed stays a root, in the sort order.
     */
    static List<ProcessInfo> parentsFirst(List<ProcessInfo> sorted) {
        Set<Integer> listed = new HashSet<>();
        for (ProcessInfo p : sorted) {
            listed.add(p.pid());
        }
        Map<Integer, List<ProcessInfo>> children = new HashMap<>();
        List<ProcessInfo> roots = new ArrayList<>();
        for (ProcessInfo p : sorted) {
            if (p.ppid() != p.pid() && listed.contains(p.ppid())) {
                children.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p);
            } else {
                roots.add(p);
            }
        }
        List<ProcessInfo> out = new ArrayList<>(sorted.size());
        Set<Integer> placed = new HashSet<>();
        for (ProcessInfo root : roots) {
            place(root, children, out, placed);
        }
        for (ProcessInfo p : sorted) {
            if (!placed.contains(p.pid())) {
                place(p, children, out, placed); // a cycle of reused pids: keep every process anyway
            }
        }
        return out;
    }

    private static void place(ProcessInfo p, Map<Integer, List<ProcessInfo>> children, List<ProcessInfo> out,
                              Set<Integer> placed) {
        if (!placed.add(p.pid())) {
            return;
        }
        out.add(p);
        for (ProcessInfo c : children.getOrDefault(p.pid(), List.of())) {
            place(c, children, out, placed);
        }
    }

    private static boolean matches(ProcessInfo p, String needle) {
        return p.command().toLowerCase(Locale.ROOT).contains(needle)
                || p.name().toLowerCase(Locale.ROOT).contains(needle)
                || p.user().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** {@code root} and every process whose chain of parents leads to it. */
    static Set<Integer> descendantsOf(int root, List<ProcessInfo> processes) {
        Map<Integer, List<Integer>> children = new HashMap<>();
        for (ProcessInfo p : processes) {
            children.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p.pid());
        }
        Set<Integer> seen = new HashSet<>();
        List<Integer> todo = new ArrayList<>();
        todo.add(root);
        // Breadth-first over the child map; the seen set also guards against a pid reused in a cycle.
        while (!todo.isEmpty()) {
            int pid = todo.remove(todo.size() - 1);
            if (seen.add(pid)) {
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return seen;
    }
}
