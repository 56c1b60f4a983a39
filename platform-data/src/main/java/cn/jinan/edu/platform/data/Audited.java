package cn.jinan.edu.platform.data;

import java.util.Map;

/**
 * An entity that knows its audit snapshot: the fields the trail compares before and after a change.
 * Deriving the snapshot from the entity keeps every call site of one entity recording the same
 * fields.
 */
public interface Audited {
  /** The audited fields, by name; values must be JSON-serialisable. */
  Map<String, Object> auditSnapshot();
}
