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

void measure(const char *label, const QString &fermata, const QString &dataDir, int runs)
{
    runOnce(fermata, dataDir); // warm-up: creates the schema, fills the page cache
    QList<double> times;
    QList<long> rss;
    for (int i = 0; i < runs; ++i) {
        const Sample s = runOnce(fermata, dataDir);
        if (s.firstFrameMs < 0)
            continue;
        times.append(s.firstFrameMs);
        rss.append(s.peakRssKiB);
        std::printf("  %-10s run %d: first frame %7.1f ms, peak RSS %6.1f MB\n", label, i + 1,
                    s.firstFrameMs, double(s.peakRssKiB) / 1024.0);
    }
    std::printf("%-10s median of %lld: first frame %.1f ms, peak RSS %.1f MB\n", label,
                static_cast<long long>(times.size()), median(times), double(median(rss)) / 1024.0);
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
    measure("empty", fermata, empty.path(), runs);

    QTemporaryDir year;
    QProcess seeder;
    seeder.start(parser.value(QStringLiteral("seeder")), {year.path()});
    if (!seeder.waitForFinished(600000) || seeder.exitCode() != 0) {
        std::fprintf(stderr, "seeding failed: %s\n", seeder.readAllStandardError().constData());
        return 1;
    }
    std::printf("%s", seeder.readAllStandardOutput().constData());
    measure("year", fermata, year.path(), runs);
    return 0;
}
