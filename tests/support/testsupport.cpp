#include "testsupport.h"

#include <QFile>
#include <QLocale>
#include <QTest>

#include <ctime>

namespace fermata::test {

void pinEnvironment(const QByteArray &tz)
{
    qputenv("TZ", tz);
    tzset();
    QLocale::setDefault(QLocale::c());
}

TempDataDir::TempDataDir() = default;

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool waitForReads(const CountingClock &clock, int more, int timeoutMs)
{
    const int target = clock.reads() + more;
    return QTest::qWaitFor([&] { return clock.reads() >= target; }, timeoutMs);
}

} // namespace fermata::test
