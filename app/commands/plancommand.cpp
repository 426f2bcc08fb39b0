#include "commands/plancommand.h"

#include "planning/focusbench.h"
#include "planning/planjson.h"
#include "planning/planner.h"
#include "planning/solver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

namespace fermata {

namespace {

// The translation context of what `fermata plan` says (issue 18).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(fermata::cli::plan)
};

void complain(const QString &text)
{
    QTextStream(stderr) << "fermata plan: " << text << "\n";
}

Result<QByteArray> readInput(const QString &path)
{
    QFile file(path);
    const bool ok = path == u"-" ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!ok)
        return Error { Error::Code::Io, CliText::tr("cannot read %1: %2").arg(path, file.errorString()) };
    return file.readAll();
}

// A file is replaced whole (QSaveFile: a temporary next to it, flushed, then renamed over it), so
// a reader or a run killed mid-write sees the old plan or the new one, never a truncated one.
// "-" and what is not a regular file (a pipe, /dev/stdout) are written straight through.
bool writeOutput(const QString &path, const QByteArray &bytes)
{
    const QFileInfo target(path);
    if (path == u"-" || (target.exists() && !target.isFile())) {
        QFile stream(path);
        const bool ok = path == u"-" ? stream.open(stdout, QIODevice::WriteOnly) : stream.open(QIODevice::WriteOnly);
        if (!ok || stream.write(bytes) != bytes.size() || !stream.flush()) {
            complain(CliText::tr("cannot write %1: %2").arg(path, stream.errorString()));
            return false;
        }
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        complain(CliText::tr("cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

int planRequest(const QString &in, const QString &out)
{
    const Result<QByteArray> bytes = readInput(in);
    if (!bytes) {
        complain(bytes.error().message);
        return 1;
    }
    const Result<PlanRequest> request = interop::readPlanRequest(*bytes);
    if (!request) {
        complain(QStringLiteral("%1: %2").arg(in, request.error().message));
        return 1;
    }
    const Plan plan = Planner::plan(*request);
    return writeOutput(out, interop::writePlan(plan, *request)) ? 0 : 1;
}

int planFocusbench(const QString &in, const QString &out, const QString &previousPath)
{
    const Result<QByteArray> bytes = readInput(in);
    if (!bytes) {
        complain(bytes.error().message);
        return 1;
    }
    Result<interop::FocusbenchInstance> instance = interop::readFocusbenchInstance(*bytes);
    if (!instance) {
        complain(QStringLiteral("%1: %2").arg(in, instance.error().message));
        return 1;
    }
    if (!previousPath.isEmpty()) {
        const Result<QByteArray> prevBytes = readInput(previousPath);
        if (!prevBytes) {
            complain(prevBytes.error().message);
            return 1;
        }
        const Result<std::vector<planning::Block>> previous = interop::readFocusbenchPlan(*prevBytes, *instance);
        if (!previous) {
            complain(QStringLiteral("%1: %2").arg(previousPath, previous.error().message));
            return 1;
        }
        instance.value().problem.previous = previous.value();
    }
    for (const planning::Diagnostic &d : instance->problem.diagnostics)
        complain(CliText::tr("task %1: %2").arg(d.taskKey, d.message));
    const planning::Solution solution = planning::solve(instance->problem);
    return writeOutput(out, interop::writeFocusbenchPlan(*instance, solution.blocks)) ? 0 : 1;
}

} // namespace

int runPlanCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliText::tr("Plans focus blocks.\n"
                    "  fermata plan --in request.json --out plan.json\n"
                    "  fermata plan --focusbench INSTANCE.json --out PLAN.json [--previous PLAN.json]\n"
                    "Use - for standard input or output."));
    const QCommandLineOption helpOpt(
        { QStringLiteral("h"), QStringLiteral("help") }, CliText::tr("Show this help."));
    const QCommandLineOption inOpt(
        QStringLiteral("in"), CliText::tr("A plan request (Fermata JSON)."), QStringLiteral("FILE"));
    const QCommandLineOption benchOpt(
        QStringLiteral("focusbench"), CliText::tr("A focusbench/1 instance."), QStringLiteral("FILE"));
    const QCommandLineOption outOpt(QStringLiteral("out"),
        CliText::tr("Where to write the plan (default: -)."), QStringLiteral("FILE"), QStringLiteral("-"));
    const QCommandLineOption prevOpt(QStringLiteral("previous"),
        CliText::tr("The previous focusbench plan, kept where still valid."), QStringLiteral("FILE"));
    parser.addOptions({helpOpt, inOpt, benchOpt, outOpt, prevOpt});
    QStringList args = arguments;
    if (!args.isEmpty())
        args[0] = QStringLiteral("fermata plan"); // QCommandLineParser skips the program name
    if (!parser.parse(args)) {
        complain(parser.errorText());
        return 2;
    }
    if (parser.isSet(helpOpt)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        complain(CliText::tr("unexpected argument \"%1\" (see --help)")
                     .arg(parser.positionalArguments().constFirst()));
        return 2;
    }
    if (parser.isSet(inOpt) == parser.isSet(benchOpt)) {
        complain(CliText::tr("give exactly one of --in or --focusbench (see --help)"));
        return 2;
    }
    if (parser.isSet(prevOpt) && !parser.isSet(benchOpt)) {
        complain(
            CliText::tr("--previous goes with --focusbench; a request carries its previous plan itself"));
        return 2;
    }
    if (parser.isSet(inOpt))
        return planRequest(parser.value(inOpt), parser.value(outOpt));
    return planFocusbench(parser.value(benchOpt), parser.value(outOpt), parser.value(prevOpt));
}

} // namespace fermata
