#pragma once

#include "time/weeklyrule.h"

#include <QObject>
#include <QSettings>

#include <array>
#include <optional>

namespace fermata {

// Working hours for one weekday; a day off has no hours.
struct DayHours
{
    bool working = false;
    QTime start;
    QTime end;
    bool operator==(const DayHours &) const = default;
};

// Working hours per weekday (index 0 = Monday) in the person's zone.
struct WorkingHours
{
    std::array<DayHours, 7> days;
    QByteArray zoneId;

    static WorkingHours defaults(const QByteArray &zoneId); // Mon–Fri 09:00–17:00
    DayHours &day(Qt::DayOfWeek d) { return days[size_t(d) - 1]; }
    const DayHours &day(Qt::DayOfWeek d) const { return days[size_t(d) - 1]; }
    // One rule per working day, for expansion to UTC.
    QList<WeeklyRule> rules() const;
    IntervalSet expand(const Interval &range) const;
    bool operator==(const WorkingHours &) const = default;
};

// Settings kept in QSettings (never in the database): working hours and time zone.
// Takes the QSettings to use, so tests and --data-dir profiles keep their own file.
class Preferences final : public QObject
{
    Q_OBJECT
public:
    explicit Preferences(QSettings::Format format, const QString &fileName,
                         QObject *parent = nullptr);

    QString fileName() const { return m_settings.fileName(); }

    // The person's zone; the system zone until they choose one.
    QByteArray timeZoneId() const;
    QTimeZone timeZone() const { return QTimeZone(timeZoneId()); }
    WorkingHours workingHours() const;
    void setWorkingHours(const WorkingHours &hours); // also sets the time zone
    // The first-run welcome was completed or dismissed: it never shows again.
    bool welcomeFinished() const;
    void setWelcomeFinished();
    // "Learn from my estimates": nothing until the person chooses (the planner then turns
    // it on once enough tasks were finished with recorded time), else their choice.
    std::optional<bool> learnFromEstimates() const;
    void setLearnFromEstimates(bool on);

Q_SIGNALS:
    void workingHoursChanged();
    void learnFromEstimatesChanged();

private:
    QSettings m_settings;
};

} // namespace fermata
