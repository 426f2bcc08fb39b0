#pragma once

#include "attention/batchingrules.h"
#include "attention/checkinschedule.h"
#include "attention/digest.h"
#include "attention/heldtally.h"
#include "model/inboxitem.h"
#include "attention/wallclocktimer.h"
#include "result.h"
#include "storage/attentionrepository.h"
#include "storage/repositories.h"
#include "time/clock.h"

#include <QObject>
#include <QSet>

#include <functional>

namespace fermata {

class Database;

// The heart of the attention engine: decides what arrives (BatchingRules), holds it durably,
// releases what is due as one digest when a check-in window opens, and says when the desktop
// should be held (DND). Wakes on wall-clock time (WallClockTimer); a tick releases everything
// due by now, so a window missed while the app was closed is caught up at the next start and
// nothing is released twice.
class AttentionService final : public QObject
{
    Q_OBJECT
public:
    // Quiet time (focus blocks, focus sessions) overlapping a range, in UTC.
    using QuietTimeProvider = std::function<IntervalSet(const Interval &range)>;

    AttentionService(Database &db, const Clock &clock, QObject *parent = nullptr);
    ~AttentionService() override;
    Q_DISABLE_COPY_MOVE(AttentionService)

    // Reads windows and rules; on first run stores the default windows in `zoneId`, on the
    // days of `defaultDays` (WeeklyRule bits: the person's working days).
    Status load(const QByteArray &zoneId, quint8 defaultDays = WeeklyRule::EveryDay);
    // The key the rules are kept under in the repository (teaminbox decides urgent messages by them).
    static QString rulesKey();

    // ---- Check-in windows (Preferences, timeline)
    const CheckInSchedule &schedule() const { return m_schedule; }
    QList<CheckInWindow> personalWindows() const;
    QList<CheckInWindow> teamWindows() const;
    // Replaces every personal window (ids are assigned anew); team windows stay.
    Status setPersonalWindows(const QList<CheckInWindow> &windows);
    // The person moved (Preferences zone changed): personal windows keep their wall-clock
    // times in the new zone. Re-arms the timers.
    Status movePersonalWindowsToZone(const QByteArray &zoneId);
    // Team windows arrive from the team hub; kept in memory and merged into the schedule.
    void setTeamWindows(const QList<CheckInWindow> &windows);
    // The merged open time in a range, for drawing the timeline band.
    IntervalSet windowsIn(const Interval &range) const { return m_schedule.openIn(range); }

    // ---- Rules and history
    const BatchingConfig &rules() const { return m_rules; }
    Status setRules(const BatchingConfig &rules);
    int historyDays() const { return m_historyDays; }
    Status setHistoryDays(int days); // at least 1
    void setQuietTimeProvider(QuietTimeProvider provider);

    // ---- Loopback HTTP source (opt-in). The token is made on first enable and kept.
    bool isHttpEnabled() const;
    quint16 httpPort() const;
    QByteArray httpToken() const;
    Status enableHttp(quint16 port = DefaultHttpPort);
    Status disableHttp();
    static constexpr quint16 DefaultHttpPort = 47731;

    // ---- Intake: decide and store every item in one transaction (group commit). Returns
    // one id per item, in order. A uuid stored before returns that item's id and is neither
    // decided, counted nor announced again.
    Result<QList<qint64>> ingest(QList<InboxItem> items);

    // ---- Another process (or a worker thread's connection) wrote to the database
    // Notifications were added or changed there: release what is due, recount, and tell the
    // views to read the Inbox again (inboxChanged).
    void takeInboxChanges();
    // Windows or rules were changed there: re-read them, re-arm the timers, tell the views.
    Status takeSettingsChanges();

    // ---- Time line
    void start();          // arms the timer and ticks once (catches up what came due)
    void tick();           // releases what is due, updates window and DND state, re-arms
    QDateTime nextWakeUp() const;
    bool isWindowOpen() const;
    std::optional<Interval> currentWindow() const;
    QDateTime nextWindowStart() const;   // invalid when there are no windows
    bool isInQuietTime() const;          // a focus block or session runs now
    bool isHoldingDesktop() const { return m_holdingDesktop; }
    WallClockTimer &timer() { return m_timer; }

    // ---- Inbox
    // What is held, kept here and announced by heldCountChanged: read once, then followed.
    Result<HeldTally> heldTally() const;
    Result<int> heldCount() const;
    Result<QList<InboxItem>> heldItems() const { return m_repo.held(); }
    Result<Digest> heldSummary() const;  // the digest that would be released now
    Result<QList<InboxItem>> recentItems(int limit, int offset = 0) const;
    bool isInboxFolded() const { return !isWindowOpen(); }
    // The person confirmed "Peek early": counted, and the Inbox may unfold until the window.
    Status peekEarly();
    Result<int> peekCount(const Interval &range) const;
    // The person finished with these items, or put them away: all in one transaction, or
    // none (NotFound when one no longer exists).
    Status markDone(const QList<qint64> &ids);
    Status archive(const QList<qint64> &ids);
    // Puts items back in the states they had (undoing markDone()/archive() in the window); the
    // Inbox is read again, since archived items had left it.
    Status restoreStates(const QHash<qint64, ItemState> &states);
    Result<int> removeExpiredHistory();

    AttentionRepository &repository() { return m_repo; }

Q_SIGNALS:
    // This process stored these items (repeats left out), with their ids, states and decisions.
    void itemsStored(const QList<fermata::InboxItem> &items);
    // Let through now (inside a window or a break-through): show them on the desktop.
    void notificationsDelivered(const QList<fermata::Notification> &notifications);
    // A window opened (or quiet time ended inside one) and these were released as one digest.
    void digestReady(const fermata::Digest &digest, const QList<qint64> &releasedIds);
    // The held count (in all or per source) changed; heldTally() has the new one.
    void heldCountChanged(int count);
    void windowOpened(const fermata::Interval &window);
    void windowClosed();
    void desktopHoldChanged(bool hold);
    void windowsChanged();
    void rulesChanged();
    // enableHttp()/disableHttp() stored a change: the running endpoint should follow it.
    void httpSettingsChanged();
    void peeked(int total);
    // markDone()/archive() stored `state` for these items.
    void itemsChanged(const QList<qint64> &ids, fermata::ItemState state);
    // The Inbox changed in ways not itemised above (another process wrote to it, old history
    // was removed): whoever shows it reads it again.
    void inboxChanged();
    void failed(const fermata::Error &error);

private:
    IntervalSet quietIn(const Interval &range) const;
    void rebuildSchedule();
    Status releaseDue(qint64 nowMs);
    Status setState(const QList<qint64> &ids, ItemState state);
    // Decides `item` as it arrives now; counts its break-through in `context`.
    void decideNow(InboxItem &item, const QDateTime &now, BatchingContext &context) const;
    void recountHeld(); // reads the held tally again; heldCountChanged when it differs
    // Break-throughs another connection stored (a teammate's urgent message fetched by the team
    // worker or `hub sync`) are shown once by this engine, as if it had let them through.
    void announceStoredElsewhere();
    void countHeld(const QList<InboxItem> &stored);

    Database &m_db;
    const Clock &m_clock;
    AttentionRepository m_repo;
    CheckInWindowRepository m_windowRepo;
    QList<CheckInWindow> m_personal;
    QList<CheckInWindow> m_team;
    CheckInSchedule m_schedule;
    QByteArray m_zoneId; // from load(), for re-reading settings changed elsewhere
    BatchingConfig m_rules;
    int m_historyDays = 30;
    QuietTimeProvider m_quiet;
    WallClockTimer m_timer;
    bool m_windowOpen = false;
    bool m_holdingDesktop = false;
    qint64 m_lastCleanupMs = 0;
    qint64 m_releaseRetryMs = 0; // when a failed release is tried again; 0: none pending
    // Counted once, then followed: intake adds to it; a tick, a release or a change of state
    // counts again (another process may have written in between).
    mutable std::optional<HeldTally> m_held;
    QSet<qint64> m_announced;  // break-throughs this process has shown
    QDateTime m_announceSince; // older ones were for an earlier run
};

} // namespace fermata
