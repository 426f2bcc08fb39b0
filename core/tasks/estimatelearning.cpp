#include "tasks/estimatelearning.h"

#include "storage/database.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace {

// Messages people read, filed under the tasks context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Tasks)
};

} // namespace

namespace fermata {

namespace {

// "45 min", "2 h", "2 h 40 min": the UI's wording (DurationText), kept in the core for reasons.
QString minutesText(int minutes)
{
    const int hours = minutes / 60;
    const int rest = minutes % 60;
    if (hours == 0)
        return QStringLiteral("%1 min").arg(rest);
    if (rest == 0)
        return QStringLiteral("%1 h").arg(hours);
    return QStringLiteral("%1 h %2 min").arg(hours).arg(rest);
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

} // namespace

EstimateLearning::EstimateLearning(QList<EstimateSample> samples)
{
    samples.removeIf([](const EstimateSample &s) { return s.estimateMinutes <= 0 || s.actualMinutes <= 0; });
    std::stable_sort(samples.begin(), samples.end(), [](const EstimateSample &a, const EstimateSample &b) {
        return a.finishedMs != b.finishedMs ? a.finishedMs > b.finishedMs : a.taskId > b.taskId;
    });
    m_samples = std::move(samples);
}

bool EstimateLearning::isOn(std::optional<bool> choice, int sampleCount)
{
    return choice.value_or(sampleCount >= samplesToTurnOn);
}

EstimateRatio EstimateLearning::ratioForTag(const QString &tag) const
{
    QList<double> ratios;
    for (const EstimateSample &s : m_samples) {
        if (!tag.isEmpty() && !s.tags.contains(tag))
            continue;
        ratios.append(double(s.actualMinutes) / s.estimateMinutes);
        if (ratios.size() == window)
            break;
    }
    EstimateRatio result{1.0, int(ratios.size()), tag};
    if (ratios.isEmpty())
        return result;
    // Few samples say little: pull the median toward "estimates are right".
    const double n = double(ratios.size());
    const double pulled = 1.0 + (median(ratios) - 1.0) * n / (n + pull);
    result.ratio = std::clamp(pulled, minRatio, maxRatio);
    return result;
}

EstimateRatio EstimateLearning::ratioFor(const QStringList &tags) const
{
    EstimateRatio best;
    for (const QString &tag : tags) {
        if (tag.isEmpty())
            continue;
        const EstimateRatio r = ratioForTag(tag);
        if (r.samples > best.samples)
            best = r;
    }
    return best.samples > 0 ? best : ratioForTag(QString());
}

std::optional<LearnedEstimate> EstimateLearning::estimateFor(const Task &task) const
{
    const EstimateRatio ratio = ratioFor(task.tags);
    if (ratio.samples == 0)
        return std::nullopt;
    int planned = scaledMinutes(task.remainingMinutes, ratio.ratio);
    // One sitting of at most maxChunk was the person's rule: learning never makes it unplannable.
    if (!task.splittable && task.remainingMinutes <= task.maxChunkMinutes)
        planned = std::min(planned, task.maxChunkMinutes);
    if (planned == task.remainingMinutes)
        return std::nullopt;
    return LearnedEstimate{task.remainingMinutes, planned, ratio};
}

QHash<qint64, LearnedEstimate> EstimateLearning::apply(QList<Task> &tasks) const
{
    QHash<qint64, LearnedEstimate> changed;
    for (Task &task : tasks) {
        if (const std::optional<LearnedEstimate> estimate = estimateFor(task)) {
            task.remainingMinutes = estimate->plannedMinutes;
            changed.insert(task.id, *estimate);
        }
    }
    return changed;
}

int EstimateLearning::scaledMinutes(int remainingMinutes, double ratio)
{
    if (remainingMinutes <= 0)
        return remainingMinutes;
    const long steps = std::lround(remainingMinutes * ratio / roundingMinutes);
    return int(std::max(1L, steps)) * roundingMinutes;
}

QString EstimateLearning::sourceText(const EstimateRatio &ratio)
{
    if (ratio.tag.isEmpty()) {
        return ratio.samples == 1 ? Text::tr("from your last task")
                                  : Text::tr("from your last %1 tasks").arg(ratio.samples);
    }
    if (ratio.samples == 1)
        return Text::tr("from your last '%1' task").arg(ratio.tag);
    return Text::tr("from your last %1 '%2' tasks").arg(ratio.samples).arg(ratio.tag);
}

QString EstimateLearning::plannedText(const LearnedEstimate &estimate)
{
    return Text::tr("planned as %1 %2")
        .arg(minutesText(estimate.plannedMinutes), sourceText(estimate.ratio));
}

Result<EstimateLearning> EstimateLearning::read(const Database &db)
{
    // One row per (kept task, tag or NULL): done tasks with ended focus sessions, summed per
    // task; kept when among the last `window` of one of its tags or of all finished tasks.
    static const QString statement = QStringLiteral(
        "WITH finished AS ("
        " SELECT t.id AS id, t.estimate_minutes AS estimate,"
        "  SUM(s.ended_ms - s.started_ms) / 60000 AS actual, MAX(s.ended_ms) AS last_ms"
        " FROM tasks t JOIN focus_sessions s ON s.task_id = t.id"
        " WHERE t.done = 1 AND s.ended_ms IS NOT NULL AND s.ended_ms > s.started_ms"
        " GROUP BY t.id HAVING estimate > 0 AND actual > 0),"
        " tagged AS (SELECT DISTINCT f.id AS id, f.last_ms AS last_ms, g.tag AS tag"
        "  FROM finished f JOIN task_tags g ON g.task_id = f.id),"
        " kept AS ("
        "  SELECT id FROM (SELECT id,"
        "   ROW_NUMBER() OVER (PARTITION BY tag ORDER BY last_ms DESC, id DESC) AS n"
        "   FROM tagged) WHERE n <= ?"
        "  UNION SELECT id FROM (SELECT id FROM finished ORDER BY last_ms DESC, id DESC LIMIT ?))"
        " SELECT f.id, f.estimate, f.actual, f.last_ms, g.tag"
        " FROM finished f LEFT JOIN (SELECT DISTINCT task_id, tag FROM task_tags) g ON g.task_id = f.id"
        " WHERE f.id IN (SELECT id FROM kept) ORDER BY f.id");
    Result<QSqlQuery> query = sql::run(sql::on(db), statement, {window, window},
                                       Text::tr("read finished tasks' times"));
    if (!query)
        return query.error();
    QList<EstimateSample> samples;
    while (query.value().next()) {
        const QSqlQuery &row = query.value();
        const qint64 id = row.value(0).toLongLong();
        if (samples.isEmpty() || samples.last().taskId != id)
            samples.append(EstimateSample{id, {}, row.value(1).toInt(), row.value(2).toInt(),
                                          row.value(3).toLongLong()});
        if (!row.value(4).isNull())
            samples.last().tags.append(row.value(4).toString());
    }
    return EstimateLearning(std::move(samples));
}

} // namespace fermata
