// Measures cold start: from process start to the main window's first painted frame, and the
// process's peak RSS at that moment, with an empty database and with a year of data.
// Prints one line per run and the medians. Usage:
//   startup_bench --fermata PATH --seeder PATH [--runs N]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

struct Sample
{
    double firstFrameMs = -1;
    long peakRssKiB = -1;
};

Sample runOnce(const QString &fermata, const QString &dataDir)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FERMATA_STARTUP_PROBE"), QStringLiteral("1"));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(fermata, {QStringLiteral("--data-dir"), dataDir});
    Sample sample;
    QByteArray output;
    while (process.state() != QProcess::NotRunning || process.bytesAvailable() > 0) {
        process.waitForReadyRead(50);
        output += process.readAllStandardOutput();
        const qsizetype at = output.indexOf("first-frame");
        if (at >= 0 && output.indexOf('\n', at) > 0) {
            sample.firstFrameMs = double(timer.nsecsElapsed()) / 1e6;
            const qsizetype rss = output.indexOf("peak-rss-kb=", at);
            sample.peakRssKiB = output.mid(rss + 12).split('\n').value(0).toLong();
            break;
        }
        if (timer.elapsed() > 30000)
            break;
    }
    process.waitForFinished(10000);
    if (sample.firstFrameMs < 0)
        std::fprintf(stderr, "no first frame; stderr: %s\n", process.readAllStandardError().constData());
    return sample;
}

template <typename T>
T median(QList<T> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? T() : values.at(values.size() / 2);
}

struct Case
{
    const char *label;
    QString dataDir;
    QList<double> times;
    QList<long> rss;
};

// Runs the cases in turn, run after run, so that whatever else the machine does at a moment
// falls on both alike: the ratio of the medians is what the target is about.
void measure(QList<Case> &cases, const QString &fermata, int runs)
{
    for (const Case &c : cases)
        runOnce(fermata, c.dataDir); // warm-up: creates the schema, fills the page cache
    for (int i = 0; i < runs; ++i) {
        for (Case &c : cases) {
            const Sample s = runOnce(fermata, c.dataDir);
            if (s.firstFrameMs < 0)
                continue;
            c.times.append(s.firstFrameMs);
            c.rss.append(s.peakRssKiB);
            std::printf("  %-10s run %d: first frame %7.1f ms, peak RSS %6.1f MB\n", c.label, i + 1,
                        s.firstFrameMs, double(s.peakRssKiB) / 1024.0);
        }
    }
    for (const Case &c : cases)
        std::printf("%-10s median of %lld: first frame %.1f ms, peak RSS %.1f MB\n", c.label,
                    static_cast<long long>(c.times.size()), median(c.times), double(median(c.rss)) / 1024.0);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("fermata"), QStringLiteral("fermata executable"), QStringLiteral("path")},
                       {QStringLiteral("seeder"), QStringLiteral("seed_year_database executable"), QStringLiteral("path")},
                       {QStringLiteral("runs"), QStringLiteral("runs per case (default 11)"), QStringLiteral("n"), QStringLiteral("11")}});
    parser.addHelpOption();
    parser.process(app);
    const QString fermata = parser.value(QStringLiteral("fermata"));
    const int runs = parser.value(QStringLiteral("runs")).toInt();
    std::printf("Fermata cold start (platform: %s)\n",
                qEnvironmentVariableIsSet("QT_QPA_PLATFORM") ? qgetenv("QT_QPA_PLATFORM").constData()
                                                             : "default");

    QTemporaryDir empty;
    QTemporaryDir year;
    QProcess seeder;
    seeder.start(parser.value(QStringLiteral("seeder")), {year.path()});
    if (!seeder.waitForFinished(600000) || seeder.exitCode() != 0) {
        std::fprintf(stderr, "seeding failed: %s\n", seeder.readAllStandardError().constData());
        return 1;
    }
    std::printf("%s", seeder.readAllStandardOutput().constData());
    QList<Case> cases{{"empty", empty.path(), {}, {}}, {"year", year.path(), {}, {}}};
    measure(cases, fermata, runs);
    std::printf("year / empty (medians): %.2f (target <= 1.25)\n",
                median(cases[1].times) / std::max(1e-9, median(cases[0].times)));
    return 0;
}
