package cn.jinan.edu.platform.lifecycle;

import java.util.List;

/** What an action does from a state: the machine moves on, or it refuses. */
public sealed interface Transition<S extends Enum<S>, A extends Enum<A>> {
  S from();

  A action();

  /** The action is allowed and leads to {@code to}. */
  record Moved<S extends Enum<S>, A extends Enum<A>>(S from, A action, S to)
      implements Transition<S, A> {}

  /** The action is not allowed from {@code from}; {@code allowed} are the ones that are. */
  record Refused<S extends Enum<S>, A extends Enum<A>>(S from, A action, List<A> allowed)
      implements Transition<S, A> {}

  default boolean moved() {
    return this instanceof Moved;
  }
}
