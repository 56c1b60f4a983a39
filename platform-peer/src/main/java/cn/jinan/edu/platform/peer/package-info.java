/**
 * The one recipe for calls to a peer service. A MicroProfile REST Client interface answering typed
 * records, registered with {@code @RegisterClientHeaders(PeerHeaders.class)} for the bearer token
 * ({@link cn.jinan.edu.platform.peer.PeerToken}: static in the local run and the tests,
 * client-credentials from the issuer in prod). A facade bean in the service's {@code client}
 * package calls it, with SmallRye Fault Tolerance on each method: {@code @Timeout}, {@code @Retry}
 * on idempotent reads only, {@code @CircuitBreaker} (named, so tests can reset it) and
 * {@code @Fallback} to the last good value where the domain allows one. The values come from {@code
 * platform.peer.*} ({@link cn.jinan.edu.platform.peer.PeerConfig}, turned into the fault-tolerance
 * keys by {@link cn.jinan.edu.platform.peer.PeerCallSettings}).
 */
package cn.jinan.edu.platform.peer;
