// planner_bench: plans every focusbench/1 instance in a folder, checks each plan with the
// independent evaluator and prints quality, stability, speed and memory per instance.
//
// Each instance runs in a child process (this executable with --child), so the peak memory
// reported is that instance's own peak resident set (getrusage ru_maxrss of the child).
#include "evaluator.h"

#include "planning/focusbench.h"
#include "planning/solver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <map>

using namespace fermata;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

long peakKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

std::vector<benchcheck::PlanBlock> toPlanBlocks(const QByteArray &planJson)
{
    std::vector<benchcheck::PlanBlock> blocks;
    QString error;
    benchcheck::Evaluator::parsePlan(planJson, &blocks, &error);
    return blocks;
}

// Plans one instance (and its perturbed twin) and prints one line of key=value figures.
int runChild(const QString &path, int runs, const QString &planDir, int searchSteps, int exactBudgetMs, bool prefer)
{
    QTextStream out(stdout);
    const long baseKb = peakKb();
    const QByteArray json = readAll(path);
    Result<interop::FocusbenchInstance> instance = interop::readFocusbenchInstance(json);
    if (!instance) {
        out << "error=" << QString(instance.error().message).replace(QLatin1Char(' '), QLatin1Char('_')) << "\n";
        return 1;
    }
    instance.value().problem.searchSteps = searchSteps;
    if (exactBudgetMs >= 0)
        instance.value().problem.exactBudgetMs = exactBudgetMs;
    instance.value().problem.preferDayParts = prefer;
    std::vector<double> times;
    planning::Solution solution;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        solution = planning::solve(instance->problem);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    const QByteArray plan = interop::writeFocusbenchPlan(*instance, solution.blocks);
    const long peak = peakKb();

    benchcheck::Evaluator evaluator;
    QString error;
    evaluator.load(json, &error);
    const std::vector<benchcheck::PlanBlock> first = toPlanBlocks(plan);
    const benchcheck::Evaluation e = evaluator.evaluate(first);
    out << "value=" << e.value << " violations=" << e.violations << " below_min=" << e.belowMinChunk
        << " extra=" << e.extraFragments() << " blocks=" << e.blocks << " switches=" << e.contextSwitches
        << " pref=" << (e.withPreference ? double(e.inPreferred) / e.withPreference : 1.0)
        << " time_ms=" << times[times.size() / 2] << " peak_kb=" << peak << " base_kb=" << baseKb
        << " planner_proven=" << (solution.provenOptimal ? 1 : 0) << " planner_bound=" << solution.bound;
    // --plans: each plan beside its instance's name, NAME.plan.json and NAME.replan.json.
    const auto keep = [&planDir, &path](const QString &suffix, const QByteArray &bytes) {
        if (planDir.isEmpty())
            return;
        QFile f(QDir(planDir).filePath(QFileInfo(path).completeBaseName() + suffix));
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
    };
    keep(QStringLiteral(".plan.json"), plan);

    // Stability: re-plan the perturbed instance with the first plan as the previous plan.
    QString perturbedPath = path;
    perturbedPath.replace(QStringLiteral(".json"), QStringLiteral(".perturbed.json"));
    const QByteArray pjson = readAll(perturbedPath);
    Result<interop::FocusbenchInstance> perturbed = interop::readFocusbenchInstance(pjson);
    if (!pjson.isEmpty() && perturbed) {
        Result<std::vector<planning::Block>> previous = interop::readFocusbenchPlan(plan, *perturbed);
        if (previous)
            perturbed.value().problem.previous = previous.value();
        perturbed.value().problem.searchSteps = searchSteps;
        if (exactBudgetMs >= 0)
            perturbed.value().problem.exactBudgetMs = exactBudgetMs;
        perturbed.value().problem.preferDayParts = prefer;
        const planning::Solution second = planning::solve(perturbed->problem);
        const QByteArray replan = interop::writeFocusbenchPlan(*perturbed, second.blocks);
        keep(QStringLiteral(".replan.json"), replan);
        const std::vector<benchcheck::PlanBlock> next = toPlanBlocks(replan);
        benchcheck::Evaluator pe;
        pe.load(pjson, &error);
        const benchcheck::Evaluation e2 = pe.evaluate(next);
        // Stability counts the first plan's blocks the re-plan could keep as they are (the
        // issue's "still-valid blocks"): not in the new meeting's time, and not a dependent
        // whose predecessor lost a block to it. stability_available counts every block not in
        // the meeting's time, as earlier versions of this bench did.
        const auto keptShare = [&next](const std::vector<benchcheck::PlanBlock> &eligible) {
            const auto same = std::count_if(eligible.begin(), eligible.end(), [&next](const benchcheck::PlanBlock &b) {
                return std::find(next.begin(), next.end(), b) != next.end();
            });
            return eligible.empty() ? 1.0 : double(same) / double(eligible.size());
        };
        std::vector<benchcheck::PlanBlock> available;
        std::copy_if(first.begin(), first.end(), std::back_inserter(available),
                     [&pe](const benchcheck::PlanBlock &b) { return pe.isAvailable(b.start, b.end); });
        // stability_on_time leaves out late work: the planner moves a late block when that lets
        // on-time work in, and keeps it otherwise.
        std::vector<benchcheck::PlanBlock> valid = pe.stillValid(first);
        const double stability = keptShare(valid);
        std::erase_if(valid, [&pe](const benchcheck::PlanBlock &b) { return !pe.onTime(b); });
        out << " stability=" << stability << " stability_on_time=" << keptShare(valid)
            << " stability_available=" << keptShare(available)
            << " p_violations=" << e2.violations
            << " p_value=" << e2.value;
    }
    for (const QString &p : e.problems)
        out << "\n#   " << p;
    out << "\n";
    return 0;
}

// Scores a given plan with the evaluator only (no planning): the ILP referee
// (exact_optimum.py) uses it so its model is checked against the bench's own rules.
int checkPlan(const QString &instancePath, const QString &planPath)
{
    QTextStream out(stdout);
    benchcheck::Evaluator evaluator;
    QString error;
    std::vector<benchcheck::PlanBlock> blocks;
    if (!evaluator.load(readAll(instancePath), &error) || !benchcheck::Evaluator::parsePlan(readAll(planPath), &blocks, &error)) {
        out << "error=" << error.replace(QLatin1Char(' '), QLatin1Char('_')) << "\n";
        return 1;
    }
    const benchcheck::Evaluation e = evaluator.evaluate(blocks);
    out << "value=" << e.value << " violations=" << e.violations << " blocks=" << e.blocks << "\n";
    for (const QString &p : e.problems)
        out << "#   " << p << "\n";
    return e.violations == 0 ? 0 : 2;
}

QHash<QString, QString> parseLine(const QString &line)
{
    QHash<QString, QString> kv;
    for (const QString &part : line.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq > 0)
            kv.insert(part.left(eq), part.mid(eq + 1));
    }
    return kv;
}

// Per size class (days x tasks) figures for the summary table.
struct ClassStats
{
    int count = 0;
    int violations = 0;
    std::vector<double> ratioToOptimum; // proven-optimal instances only
    std::vector<double> ratioToBound;   // unproven instances with a bound
    std::vector<double> stability;          // of still-valid blocks
    std::vector<double> stabilityOnTime;    // of still-valid blocks that are not late
    std::vector<double> stabilityAvailable; // of blocks outside the new meeting
    std::vector<double> timeMs;
    int plannerProven = 0; // the planner itself proved its plan optimal (exact mode)
};

double mean(const std::vector<double> &v)
{
    double sum = 0;
    for (double x : v)
        sum += x;
    return v.empty() ? 0 : sum / double(v.size());
}

double minimum(const std::vector<double> &v)
{
    return v.empty() ? 0 : *std::min_element(v.begin(), v.end());
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Days and tasks from best-known.json, else from a "dDAYS_nTASKS_..." name.
std::pair<int, int> sizeClass(const QString &key, const QJsonObject &entry)
{
    if (entry.contains(QStringLiteral("days")) && entry.contains(QStringLiteral("tasks")))
        return {entry.value(QStringLiteral("days")).toInt(), entry.value(QStringLiteral("tasks")).toInt()};
    const QStringList parts = key.split(QLatin1Char('_'));
    if (parts.size() >= 2 && parts[0].startsWith(QLatin1Char('d')) && parts[1].startsWith(QLatin1Char('n')))
        return {parts[0].mid(1).toInt(), parts[1].mid(1).toInt()};
    return {0, 0};
}

void printSummary(QTextStream &out, const std::map<std::pair<int, int>, ClassStats> &classes)
{
    auto cell = [](const std::vector<double> &v, double value) {
        return v.empty() ? QStringLiteral("-") : QString::number(value, 'f', 4);
    };
    out << "\nper size class (ratio columns: value / proven optimum, and value / bound where no optimum is proven;\n"
           "stab: share of the still-valid blocks a re-plan after a new meeting keeps; on-time: of those not late;\n"
           "avail: of all blocks outside the meeting;\n"
           "planner proved: plans the planner itself proved optimal)\n";
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11 %12 %13 %14 %15\n")
               .arg(QStringLiteral("days x tasks"), -12).arg(QStringLiteral("count"), 5).arg(QStringLiteral("proven"), 6)
               .arg(QStringLiteral("opt mean"), 8).arg(QStringLiteral("opt worst"), 9).arg(QStringLiteral("unproven"), 8)
               .arg(QStringLiteral("bnd mean"), 8).arg(QStringLiteral("bnd worst"), 9).arg(QStringLiteral("viol"), 4)
               .arg(QStringLiteral("stab mean"), 9).arg(QStringLiteral("stab min"), 8)
               .arg(QStringLiteral("on-time min"), 11)
               .arg(QStringLiteral("avail mean"), 10).arg(QStringLiteral("median ms"), 9)
               .arg(QStringLiteral("planner proved"), 14);
    for (const auto &[size, c] : classes) {
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11 %12 %13 %14 %15\n")
                   .arg(QStringLiteral("%1 x %2").arg(size.first).arg(size.second), -12).arg(c.count, 5)
                   .arg(c.ratioToOptimum.size(), 6)
                   .arg(cell(c.ratioToOptimum, mean(c.ratioToOptimum)), 8)
                   .arg(cell(c.ratioToOptimum, minimum(c.ratioToOptimum)), 9)
                   .arg(c.ratioToBound.size(), 8)
                   .arg(cell(c.ratioToBound, mean(c.ratioToBound)), 8)
                   .arg(cell(c.ratioToBound, minimum(c.ratioToBound)), 9)
                   .arg(c.violations, 4)
                   .arg(QString::number(mean(c.stability), 'f', 3), 9)
                   .arg(QString::number(minimum(c.stability), 'f', 3), 8)
                   .arg(QString::number(minimum(c.stabilityOnTime), 'f', 3), 11)
                   .arg(QString::number(mean(c.stabilityAvailable), 'f', 3), 10)
                   .arg(QString::number(median(c.timeMs), 'f', 2), 9)
                   .arg(QStringLiteral("%1 of %2").arg(c.plannerProven).arg(c.count), 14);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plans focusbench/1 instances and checks the plans."));
    parser.addHelpOption();
    const QCommandLineOption instancesOpt(QStringLiteral("instances"), QStringLiteral("Folder of instances."),
                                          QStringLiteral("DIR"), QStringLiteral(FERMATA_BENCH_INSTANCES));
    const QCommandLineOption bestOpt(QStringLiteral("best"), QStringLiteral("best-known.json (default: next to DIR)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Timed runs per instance (median)."),
                                     QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption childOpt(QStringLiteral("child"), QStringLiteral("Internal: one instance."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption plansOpt(QStringLiteral("plans"), QStringLiteral("Write plans to this folder."),
                                      QStringLiteral("DIR"));
    const QCommandLineOption filterOpt(QStringLiteral("filter"), QStringLiteral("Only instances containing TEXT."),
                                       QStringLiteral("TEXT"));
    const QCommandLineOption stepsOpt(QStringLiteral("search-steps"),
                                      QStringLiteral("Ruin-and-recreate steps (default: from the size)."),
                                      QStringLiteral("N"), QStringLiteral("-1"));
    const QCommandLineOption exactBudgetOpt(QStringLiteral("exact-budget"),
                                            QStringLiteral("The exact mode's budget in ms (default: the planner's; 0: off)."),
                                            QStringLiteral("MS"), QStringLiteral("-1"));
    const QCommandLineOption noPreferOpt(QStringLiteral("no-prefer"),
                                         QStringLiteral("Skip the preferred-part-of-day pass (for comparison)."));
    const QCommandLineOption checkOpt(QStringLiteral("check-plan"),
                                      QStringLiteral("Only score PLAN (a focusbench plan JSON) on INSTANCE: prints value and violations."));
    parser.addOptions({instancesOpt, bestOpt, runsOpt, childOpt, plansOpt, filterOpt, stepsOpt, exactBudgetOpt, noPreferOpt, checkOpt});
    parser.addPositionalArgument(QStringLiteral("INSTANCE PLAN"), QStringLiteral("With --check-plan."));
    parser.process(app);
    if (parser.isSet(checkOpt)) {
        if (parser.positionalArguments().size() != 2)
            parser.showHelp(1);
        return checkPlan(parser.positionalArguments().at(0), parser.positionalArguments().at(1));
    }
    const int runs = std::max(1, parser.value(runsOpt).toInt());
    if (parser.isSet(childOpt))
        return runChild(parser.value(childOpt), runs, parser.value(plansOpt), parser.value(stepsOpt).toInt(),
                        parser.value(exactBudgetOpt).toInt(), !parser.isSet(noPreferOpt));

    const QDir dir(parser.value(instancesOpt));
    const QString bestPath = parser.isSet(bestOpt) ? parser.value(bestOpt) : dir.absoluteFilePath(QStringLiteral("../best-known.json"));
    const QJsonObject best = QJsonDocument::fromJson(readAll(bestPath)).object();
    QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    names.erase(std::remove_if(names.begin(), names.end(),
                               [](const QString &n) { return n.endsWith(QLatin1String(".perturbed.json")); }),
                names.end());
    if (names.isEmpty()) {
        std::fprintf(stderr, "planner_bench: no instances in %s\n", qPrintable(dir.absolutePath()));
        return 1;
    }
    QTextStream out(stdout);
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11 %12\n")
               .arg(QStringLiteral("instance"), -32).arg(QStringLiteral("value"), 8).arg(QStringLiteral("ratio"), 6)
               .arg(QStringLiteral("viol"), 4).arg(QStringLiteral("<min"), 4).arg(QStringLiteral("extra"), 5)
               .arg(QStringLiteral("switch"), 6).arg(QStringLiteral("pref"), 5).arg(QStringLiteral("stable"), 6).arg(QStringLiteral("p_viol"), 6)
               .arg(QStringLiteral("ms"), 9).arg(QStringLiteral("peak MB"), 8);
    double sum = 0, worst = 2, prefSum = 0;
    int prefCount = 0;
    int rated = 0, totalViolations = 0;
    int boundsChecked = 0, boundsBelowOptimum = 0;
    double boundRatioSum = 0;
    std::map<std::pair<int, int>, ClassStats> classes;
    for (const QString &name : names) {
        if (parser.isSet(filterOpt) && !name.contains(parser.value(filterOpt)))
            continue;
        const QString key = name.chopped(5);
        const bool big = QFileInfo(dir.filePath(name)).size() > 500000;
        QProcess child;
        QStringList args{QStringLiteral("--child"), dir.filePath(name), QStringLiteral("--runs"),
                         QString::number(big ? std::min(runs, 3) : runs)};
        if (parser.isSet(plansOpt))
            args << QStringLiteral("--plans") << parser.value(plansOpt);
        args << QStringLiteral("--search-steps") << parser.value(stepsOpt);
        args << QStringLiteral("--exact-budget") << parser.value(exactBudgetOpt);
        if (parser.isSet(noPreferOpt))
            args << QStringLiteral("--no-prefer");
        child.start(QCoreApplication::applicationFilePath(), args);
        child.waitForFinished(-1);
        const QString text = QString::fromUtf8(child.readAllStandardOutput());
        const QHash<QString, QString> kv = parseLine(text.section(QLatin1Char('\n'), 0, 0));
        const QJsonObject entry = best.value(key).toObject();
        const double bestValue = entry.value(QStringLiteral("best_known")).toDouble(0);
        const double value = kv.value(QStringLiteral("value")).toDouble();
        QString ratio = QStringLiteral("-");
        if (bestValue > 0) {
            const double r = value / bestValue;
            ratio = QString::number(r, 'f', 4);
            sum += r;
            worst = std::min(worst, r);
            ++rated;
        }
        if (kv.contains(QStringLiteral("pref"))) {
            prefSum += kv.value(QStringLiteral("pref")).toDouble();
            ++prefCount;
        }
        const int violations = kv.value(QStringLiteral("violations")).toInt() + kv.value(QStringLiteral("p_violations")).toInt();
        totalViolations += violations;
        ClassStats &c = classes[sizeClass(key, entry)];
        ++c.count;
        c.violations += violations;
        const double bound = entry.value(QStringLiteral("bound")).toDouble(0);
        if (entry.value(QStringLiteral("proven_optimal")).toBool() && bestValue > 0)
            c.ratioToOptimum.push_back(value / bestValue);
        else if (bound > 0)
            c.ratioToBound.push_back(value / bound);
        if (kv.contains(QStringLiteral("stability")))
            c.stability.push_back(kv.value(QStringLiteral("stability")).toDouble());
        if (kv.contains(QStringLiteral("stability_on_time")))
            c.stabilityOnTime.push_back(kv.value(QStringLiteral("stability_on_time")).toDouble());
        if (kv.contains(QStringLiteral("stability_available")))
            c.stabilityAvailable.push_back(kv.value(QStringLiteral("stability_available")).toDouble());
        c.timeMs.push_back(kv.value(QStringLiteral("time_ms")).toDouble());
        c.plannerProven += kv.value(QStringLiteral("planner_proven")).toInt();
        // The planner's own bound must never be below a proven optimum (it would claim too much).
        if (const double plannerBound = kv.value(QStringLiteral("planner_bound"), QStringLiteral("-1")).toDouble();
            plannerBound >= 0) {
            ++boundsChecked;
            boundRatioSum += plannerBound > 0 ? value / plannerBound : 1.0;
            if (entry.value(QStringLiteral("proven_optimal")).toBool() && bestValue > plannerBound) {
                ++boundsBelowOptimum;
                // The planner plans no late work unless asked (planLate); the referee's optimum
                // may finish a predecessor late to unlock its dependent, which the planner's
                // exact mode then does not consider.
                out << "  ! " << key << ": the planner's bound " << plannerBound << " is below the proven optimum "
                    << bestValue << " (a plan with late work beats its no-late-work optimum)\n";
            }
        }
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11 %12\n")
                   .arg(key, -32).arg(kv.value(QStringLiteral("value")), 8).arg(ratio, 6)
                   .arg(kv.value(QStringLiteral("violations")), 4).arg(kv.value(QStringLiteral("below_min")), 4)
                   .arg(kv.value(QStringLiteral("extra")), 5).arg(kv.value(QStringLiteral("switches")), 6)
                   .arg(QString::number(kv.value(QStringLiteral("pref")).toDouble(), 'f', 2), 5)
                   .arg(QString::number(kv.value(QStringLiteral("stability")).toDouble(), 'f', 3), 6)
                   .arg(kv.value(QStringLiteral("p_violations")), 6)
                   .arg(QString::number(kv.value(QStringLiteral("time_ms")).toDouble(), 'f', 2), 9)
                   .arg(QString::number(kv.value(QStringLiteral("peak_kb")).toDouble() / 1024.0, 'f', 1), 8);
        const QStringList detail = text.split(QLatin1Char('\n')).filter(QStringLiteral("#"));
        for (const QString &d : detail)
            out << d << "\n";
        out.flush();
    }
    if (rated)
        out << QStringLiteral("mean ratio %1, worst %2, violations %3, mean preferred-window share %4 (peak MB: whole child process incl. Qt)\n")
                   .arg(sum / rated, 0, 'f', 4).arg(worst, 0, 'f', 4).arg(totalViolations)
                   .arg(prefCount ? prefSum / prefCount : 1.0, 0, 'f', 3);
    if (boundsChecked)
        out << QStringLiteral("planner's own bound (exact mode, else the relaxed one): on %1 instances, mean value / bound %2; "
                              "below a proven optimum: %3\n")
                   .arg(boundsChecked).arg(boundRatioSum / boundsChecked, 0, 'f', 4).arg(boundsBelowOptimum);
    printSummary(out, classes);
    return totalViolations == 0 ? 0 : 2;
}
