#include "attentionhost.h"

#include "appcore.h"
#include "attention/httpintake.h"
#include "calendar/calendarservice.h"
#include "planning/planningservice.h"

#include <QCoreApplication>

namespace fermata {

namespace {

LocalIntakeServer::Sink sinkFor(AppCore &core)
{
    return [&core](QList<InboxItem> items) { return core.attention().ingest(std::move(items)); };
}

} // namespace

AttentionHost::AttentionHost(AppCore &core, QObject *parent)
    : QObject(parent)
    , m_core(core)
    , m_focus(core.attention().repository(), core.clock())
    , m_intake(sinkFor(core))
    , m_capture(NotificationCapture::create())
    , m_dnd(std::make_unique<DndController>(core.attention().repository(), DesktopDnd::detect()))
{
    wire();
}

AttentionHost::~AttentionHost()
{
    shutdown();
}

AttentionService &AttentionHost::attention()
{
    return m_core.attention();
}

void AttentionHost::warn(const QString &message)
{
    m_warnings.append(message);
    Q_EMIT warning(message);
}

void AttentionHost::wire()
{
    AttentionService &attention = m_core.attention();
    attention.setQuietTimeProvider([this](const Interval &range) { return m_focus.quietIn(range); });
    const FocusSession::PlannedBlocks planned = [this](const Interval &range) {
        auto blocks = m_core.focusBlockRepository().overlapping(range);
        return blocks ? blocks.value() : QList<FocusBlock>();
    };
    m_focus.setPlannedBlocks(planned);
    // A plan made or changed while the app runs re-arms the timer for the next block's start.
    const auto rearm = [this, planned] { m_focus.setPlannedBlocks(planned); };
    connect(&m_core.calendar(), &CalendarService::focusBlocksChanged, this, rearm);
    connect(&m_core.planning(), &PlanningService::blocksChanged, this, rearm);
    connect(&m_focus, &FocusSession::changed, &attention, &AttentionService::tick);
    connect(&m_focus, &FocusSession::failed, this, [this](const Error &error) {
        warn(QCoreApplication::translate("fermata", "Fermata could not start or end a focus session: %1").arg(error.message));
    });
    connect(&attention, &AttentionService::desktopHoldChanged, this, [this](bool hold) {
        if (Status s = m_dnd->setHeld(hold); !s)
            warn(s.error().message);
    });
    connect(&attention, &AttentionService::digestReady, this,
            [this](const Digest &digest) { m_notifier.showDigest(digest); });
    connect(&attention, &AttentionService::notificationsDelivered, this,
            [this](const QList<Notification> &notifications) {
                for (const Notification &n : notifications) {
                    // What the desktop already showed is not shown twice.
                    if (n.source != QLatin1String(NotificationCapture::Source))
                        m_notifier.showNotification(n);
                }
            });
    connect(m_capture.get(), &NotificationCapture::notificationObserved, this,
            [this](const InboxItem &item) {
                if (auto ids = m_core.attention().ingest({item}); !ids)
                    warn(ids.error().message);
            });
    // Personal windows follow the person's zone (09:00 stays 09:00 where they are now).
    connect(&m_core.preferences(), &Preferences::workingHoursChanged, this, [this] {
        if (Status s = m_core.attention().movePersonalWindowsToZone(m_core.preferences().timeZoneId()); !s)
            warn(s.error().message);
    });
    // Preferences turned the HTTP endpoint on or off, or moved its port.
    connect(&attention, &AttentionService::httpSettingsChanged, this, &AttentionHost::applyHttpSettings);
    connect(&attention, &AttentionService::failed, this,
            [this](const Error &error) { warn(error.message); });
}

void AttentionHost::start()
{
    if (Status s = m_dnd->recoverAfterCrash(); !s)
        warn(s.error().message);
    if (Status s = m_focus.restore(); !s)
        warn(s.error().message);
    if (!m_intake.listen(LocalIntakeServer::socketName(m_core.paths().instanceKey())))
        warn(QCoreApplication::translate("fermata", "Fermata cannot take notifications from `fermata notify`: %1")
                 .arg(m_intake.errorString()));
    applyHttpSettings();
    // A build without capture says so in `fermata check` and Preferences, not at every start.
    if (m_capture->isAvailable() && !m_capture->start())
        warn(QCoreApplication::translate("fermata", "Fermata does not see other apps' notifications: %1")
                 .arg(m_capture->errorString()));
    m_core.attention().start();
}

bool AttentionHost::applyHttpSettings()
{
    AttentionService &attention = m_core.attention();
    m_http.reset();
    if (!attention.isHttpEnabled())
        return true;
    auto http = std::make_unique<HttpIntake>(sinkFor(m_core), attention.httpToken());
    if (http->listen(attention.httpPort()) == 0) {
        warn(QCoreApplication::translate("fermata", "Fermata could not listen on 127.0.0.1:%1 for HTTP notifications; "
                                                "another program may use that port.")
                 .arg(attention.httpPort()));
        return false;
    }
    m_http = std::move(http);
    return true;
}

void AttentionHost::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_capture->stop();
    m_http.reset();
    if (Status s = m_dnd->setHeld(false); !s)
        warn(s.error().message);
}

} // namespace fermata
