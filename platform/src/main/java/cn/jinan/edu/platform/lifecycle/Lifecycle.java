package cn.jinan.edu.platform.lifecycle;

import cn.jinan.edu.platform.problem.ProblemException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The suite's one state-machine idiom: a table of (state, action) → state, built once with {@link
 * #builder}. States and actions are enums, so every table is checked by the compiler and iterated
 * in declaration order. {@link #attempt} answers with a {@link Transition} value instead of
 * throwing, and {@link #allowedFor} works out once which of the allowed actions a caller may take.
 *
 * <pre>{@code
 * static final Lifecycle<ReportState, ReportAction> REVIEW =
 *     Lifecycle.builder(ReportState.class, ReportAction.class)
 *         .on(SUBMITTED, ACCEPT, ACCEPTED)
 *         .on(SUBMITTED, RETURN, RETURNED)
 *         .build();
 * }</pre>
 *
 * @param <S> the states
 * @param <A> the actions
 */
public final class Lifecycle<S extends Enum<S>, A extends Enum<A>> {
  private final Map<S, Map<A, S>> table;

  private Lifecycle(Map<S, Map<A, S>> table) {
    this.table = table;
  }

  public static <S extends Enum<S>, A extends Enum<A>> Builder<S, A> builder(
      Class<S> states, Class<A> actions) {
    return new Builder<>(states, actions);
  }

  /** Actions the machine allows from a state, in declaration order. */
  public Set<A> allowed(S from) {
    Map<A, S> row = table.get(from);
    return row == null ? Set.of() : row.keySet();
  }

  /** The actions allowed from a state that the caller may also take, in declaration order. */
  public List<A> allowedFor(S from, Predicate<A> callerMay) {
    return allowed(from).stream().filter(callerMay).toList();
  }

  /** Whether any action leads out of the state. */
  public boolean isFinal(S state) {
    return allowed(state).isEmpty();
  }

  /** What the action does from this state: a move to the next state, or a refusal. */
  public Transition<S, A> attempt(S from, A action) {
    Map<A, S> row = table.get(from);
    S to = row == null ? null : row.get(action);
    if (to == null) {
      return new Transition.Refused<>(from, action, List.copyOf(allowed(from)));
    }
    return new Transition.Moved<>(from, action, to);
  }

  /**
   * The next state, or a 409 illegal-transition problem listing what this caller may do instead.
   * {@code names} turns states and actions into the names the API uses.
   */
  public S next(S from, A action, Predicate<A> callerMay, Function<Enum<?>, String> names) {
    Transition<S, A> t = attempt(from, action);
    if (t instanceof Transition.Moved<S, A> moved) {
      return moved.to();
    }
    throw refusal((Transition.Refused<S, A>) t, allowedFor(from, callerMay), names);
  }

  /** The 409 problem for a refused transition, naming the actions the caller could take. */
  public static <S extends Enum<S>, A extends Enum<A>> ProblemException refusal(
      Transition.Refused<S, A> refused, List<A> callerAllowed, Function<Enum<?>, String> names) {
    return ProblemException.illegalTransition(
        "Action "
            + names.apply(refused.action())
            + " is not allowed in state "
            + names.apply(refused.from()),
        names.apply(refused.from()),
        callerAllowed.stream().map(names).toList());
  }

  /** Collects the table; each (state, action) pair may be declared once. */
  public static final class Builder<S extends Enum<S>, A extends Enum<A>> {
    private final Class<A> actions;
    private final Map<S, Map<A, S>> rows;

    private Builder(Class<S> states, Class<A> actions) {
      this.actions = actions;
      this.rows = new EnumMap<>(states);
    }

    /** From {@code from}, {@code action} leads to {@code to}. */
    public Builder<S, A> on(S from, A action, S to) {
      Map<A, S> row = rows.computeIfAbsent(from, s -> new EnumMap<>(actions));
      if (row.putIfAbsent(action, to) != null) {
        throw new IllegalArgumentException(from + " already has a transition for " + action);
      }
      return this;
    }

    /** The same action from several states to one state. */
    public Builder<S, A> on(Set<S> from, A action, S to) {
      from.forEach(s -> on(s, action, to));
      return this;
    }

    /** Adds every row of another machine (a machine that extends a shared part). */
    public Builder<S, A> include(Lifecycle<S, A> other) {
      other.table.forEach((s, row) -> row.forEach((a, to) -> on(s, a, to)));
      return this;
    }

    public Lifecycle<S, A> build() {
      Map<S, Map<A, S>> frozen = new EnumMap<>(rows);
      frozen.replaceAll((s, row) -> Collections.unmodifiableMap(new EnumMap<>(row)));
      return new Lifecycle<>(Collections.unmodifiableMap(frozen));
    }
  }

  /** Convenience for {@link Builder#on(Set, Enum, Enum)}. */
  @SafeVarargs
  public static <S extends Enum<S>> Set<S> states(S first, S... rest) {
    return EnumSet.of(first, rest);
  }
}
