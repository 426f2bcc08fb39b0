#include "settings/preferences.h"

#include "time/weeklyrule.h"

#include <QTimeZone>

namespace fermata {

namespace {

const QString s_zoneKey = QStringLiteral("time/zone");
const QString s_welcomeKey = QStringLiteral("welcome/finished");
const QString s_learnKey = QStringLiteral("planning/learnFromEstimates");

// Settings keys per weekday, index 0 = Monday.
constexpr std::array<const char *, 7> s_dayKeys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

QString dayKey(size_t index, QLatin1String field)
{
    return QStringLiteral("workingHours/%1/%2").arg(QLatin1String(s_dayKeys[index]), field);
}

QString timeText(QTime time)
{
    return time.isValid() ? time.toString(u"HH:mm") : QString();
}

} // namespace

WorkingHours WorkingHours::defaults(const QByteArray &zoneId)
{
    WorkingHours hours;
    hours.zoneId = zoneId;
    for (int d = Qt::Monday; d <= Qt::Friday; ++d)
        hours.day(Qt::DayOfWeek(d)) = DayHours{true, QTime(9, 0), QTime(17, 0)};
    return hours;
}

QList<WeeklyRule> WorkingHours::rules() const
{
    QList<WeeklyRule> result;
    for (int d = Qt::Monday; d <= Qt::Sunday; ++d) {
        const auto dayOfWeek = Qt::DayOfWeek(d);
        const DayHours &hours = day(dayOfWeek);
        if (!hours.working || !hours.start.isValid() || !hours.end.isValid())
            continue;
        result.append(WeeklyRule(WeeklyRule::dayBit(dayOfWeek), hours.start, hours.end, zoneId));
    }
    return result;
}

IntervalSet WorkingHours::expand(const Interval &range) const
{
    IntervalSet result;
    for (const WeeklyRule &rule : rules())
        result = result.united(rule.expand(range));
    return result;
}

Preferences::Preferences(QSettings::Format format, const QString &fileName, QObject *parent)
    : QObject(parent), m_settings(fileName, format)
{
}

QByteArray Preferences::timeZoneId() const
{
    const QByteArray id = m_settings.value(s_zoneKey).toString().toUtf8();
    if (isKnownTimeZoneId(id))
        return id;
    return QTimeZone::systemTimeZoneId();
}

WorkingHours Preferences::workingHours() const
{
    const QByteArray zone = timeZoneId();
    // Until the person saves their hours, none of the day keys exist.
    if (!m_settings.contains(dayKey(0, QLatin1String("working"))))
        return WorkingHours::defaults(zone);
    WorkingHours hours;
    hours.zoneId = zone;
    for (size_t i = 0; i < hours.days.size(); ++i) {
        DayHours &day = hours.days[i];
        day.working = m_settings.value(dayKey(i, QLatin1String("working")), false).toBool();
        day.start = QTime::fromString(m_settings.value(dayKey(i, QLatin1String("start"))).toString(),
                                      u"HH:mm");
        day.end = QTime::fromString(m_settings.value(dayKey(i, QLatin1String("end"))).toString(),
                                    u"HH:mm");
        if (day.working && (!day.start.isValid() || !day.end.isValid()))
            day = DayHours{}; // a hand-edited file with bad times: treat the day as off
    }
    return hours;
}

void Preferences::setWorkingHours(const WorkingHours &hours)
{
    if (!hours.zoneId.isEmpty())
        m_settings.setValue(s_zoneKey, QString::fromUtf8(hours.zoneId));
    for (size_t i = 0; i < hours.days.size(); ++i) {
        const DayHours &day = hours.days[i];
        m_settings.setValue(dayKey(i, QLatin1String("working")), day.working);
        m_settings.setValue(dayKey(i, QLatin1String("start")), timeText(day.start));
        m_settings.setValue(dayKey(i, QLatin1String("end")), timeText(day.end));
    }
    m_settings.sync();
    Q_EMIT workingHoursChanged();
}

bool Preferences::welcomeFinished() const
{
    return m_settings.value(s_welcomeKey, false).toBool();
}

void Preferences::setWelcomeFinished()
{
    m_settings.setValue(s_welcomeKey, true);
    m_settings.sync();
}

std::optional<bool> Preferences::learnFromEstimates() const
{
    if (!m_settings.contains(s_learnKey))
        return std::nullopt;
    return m_settings.value(s_learnKey).toBool();
}

void Preferences::setLearnFromEstimates(bool on)
{
    if (learnFromEstimates() == on)
        return;
    m_settings.setValue(s_learnKey, on);
    m_settings.sync();
    Q_EMIT learnFromEstimatesChanged();
}

} // namespace fermata
