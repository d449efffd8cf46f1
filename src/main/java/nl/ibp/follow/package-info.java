/**
 * Following opgaven, face-neutral: which deadlines a follower is reminded of and when
 * ({@link nl.ibp.follow.DueRules}, {@link nl.ibp.follow.ReminderPlanner}), what a new index
 * generation brought for an opgave ({@link nl.ibp.follow.AlertDiff}), the deadlines as an
 * RFC 5545 calendar ({@link nl.ibp.follow.DeadlineCalendar}), and the followers' state in the
 * state database ({@link nl.ibp.follow.FollowStore}). Layered between agreements and
 * conversation: it uses agreements and state, and nothing here knows a chat front end.
 */
package nl.ibp.follow;
