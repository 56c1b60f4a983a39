package cn.jinan.edu.registry.domain;

import java.util.Arrays;
import java.util.Optional;

/** What can happen to a registration or amendment, and who does it. */
public enum Action {
  SUBMIT(Actor.APPLICANT, false),
  WITHDRAW(Actor.APPLICANT, false),
  APPROVE(Actor.DISTRICT, false),
  RETURN(Actor.DISTRICT, true),
  REJECT(Actor.DISTRICT, true),
  FILE(Actor.CITY, false),
  REVOKE(Actor.CITY, true),
  TERMINATE(Actor.APPLICANT, true),
  ACTIVATE(Actor.SYSTEM, false),
  EXPIRE(Actor.SYSTEM, false);

  /** Who performs an action: the lead school, an involved district, the city, or the clock. */
  public enum Actor {
    APPLICANT,
    DISTRICT,
    CITY,
    SYSTEM
  }

  public final Actor actor;

  /** Return, reject, revoke and terminate must say why. */
  public final boolean requiresComment;

  Action(Actor actor, boolean requiresComment) {
    this.actor = actor;
    this.requiresComment = requiresComment;
  }

  public String pathName() {
    return name().toLowerCase();
  }

  public static Optional<Action> fromPath(String name) {
    return Arrays.stream(values()).filter(a -> a.pathName().equals(name)).findFirst();
  }
}
