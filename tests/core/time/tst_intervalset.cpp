#include "testsupport.h"
#include "time/intervalset.h"

#include <QTest>

using fermata::Interval;
using fermata::IntervalSet;

using Intervals = QList<Interval>;

class TestIntervalSet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { fermata::test::pinEnvironment(); }

    void construction_data()
    {
        QTest::addColumn<Intervals>("input");
        QTest::addColumn<Intervals>("expected");
        QTest::newRow("empty") << Intervals{} << Intervals{};
        QTest::newRow("sorted") << Intervals{{20, 30}, {0, 10}} << Intervals{{0, 10}, {20, 30}};
        QTest::newRow("overlapping merge") << Intervals{{0, 10}, {5, 20}} << Intervals{{0, 20}};
        QTest::newRow("touching merge") << Intervals{{0, 10}, {10, 20}} << Intervals{{0, 20}};
        QTest::newRow("contained vanish") << Intervals{{0, 100}, {10, 20}, {30, 40}}
                                          << Intervals{{0, 100}};
        QTest::newRow("empty dropped") << Intervals{{5, 5}, {9, 3}, {0, 1}} << Intervals{{0, 1}};
        QTest::newRow("chain") << Intervals{{30, 40}, {0, 10}, {10, 20}, {20, 30}, {50, 60}}
                               << Intervals{{0, 40}, {50, 60}};
    }
    void construction()
    {
        QFETCH(Intervals, input);
        QFETCH(Intervals, expected);
        QCOMPARE(IntervalSet(input).intervals(), expected);
        // Adding one by one must give the same normal form as bulk construction.
        IntervalSet incremental;
        for (const Interval &i : input)
            incremental.add(i);
        QCOMPARE(incremental.intervals(), expected);
    }

    void united_data()
    {
        QTest::addColumn<Intervals>("a");
        QTest::addColumn<Intervals>("b");
        QTest::addColumn<Intervals>("expected");
        QTest::newRow("disjoint") << Intervals{{0, 10}} << Intervals{{20, 30}}
                                  << Intervals{{0, 10}, {20, 30}};
        QTest::newRow("bridging") << Intervals{{0, 10}, {20, 30}} << Intervals{{10, 20}}
                                  << Intervals{{0, 30}};
        QTest::newRow("with empty") << Intervals{{0, 10}} << Intervals{} << Intervals{{0, 10}};
    }
    void united()
    {
        QFETCH(Intervals, a);
        QFETCH(Intervals, b);
        QFETCH(Intervals, expected);
        QCOMPARE(IntervalSet(a).united(IntervalSet(b)).intervals(), expected);
        QCOMPARE(IntervalSet(b).united(IntervalSet(a)).intervals(), expected);
    }

    void intersected_data()
    {
        QTest::addColumn<Intervals>("a");
        QTest::addColumn<Intervals>("b");
        QTest::addColumn<Intervals>("expected");
        QTest::newRow("partial") << Intervals{{0, 10}, {20, 30}} << Intervals{{5, 25}}
                                 << Intervals{{5, 10}, {20, 25}};
        QTest::newRow("touching only") << Intervals{{0, 10}} << Intervals{{10, 20}} << Intervals{};
        QTest::newRow("many on one") << Intervals{{0, 100}}
                                     << Intervals{{1, 2}, {3, 4}, {99, 200}}
                                     << Intervals{{1, 2}, {3, 4}, {99, 100}};
    }
    void intersected()
    {
        QFETCH(Intervals, a);
        QFETCH(Intervals, b);
        QFETCH(Intervals, expected);
        QCOMPARE(IntervalSet(a).intersected(IntervalSet(b)).intervals(), expected);
        QCOMPARE(IntervalSet(b).intersected(IntervalSet(a)).intervals(), expected);
    }

    void subtracted_data()
    {
        QTest::addColumn<Intervals>("a");
        QTest::addColumn<Intervals>("b");
        QTest::addColumn<Intervals>("expected");
        QTest::newRow("hole in middle") << Intervals{{0, 100}} << Intervals{{40, 60}}
                                        << Intervals{{0, 40}, {60, 100}};
        QTest::newRow("cut both ends") << Intervals{{10, 90}} << Intervals{{0, 20}, {80, 100}}
                                       << Intervals{{20, 80}};
        QTest::newRow("remove all") << Intervals{{10, 20}} << Intervals{{0, 100}} << Intervals{};
        QTest::newRow("nothing to remove") << Intervals{{10, 20}} << Intervals{{30, 40}}
                                           << Intervals{{10, 20}};
        QTest::newRow("one cut spans two") << Intervals{{0, 10}, {20, 30}} << Intervals{{5, 25}}
                                           << Intervals{{0, 5}, {25, 30}};
        QTest::newRow("many holes") << Intervals{{0, 100}} << Intervals{{10, 20}, {30, 40}, {90, 95}}
                                    << Intervals{{0, 10}, {20, 30}, {40, 90}, {95, 100}};
    }
    void subtracted()
    {
        QFETCH(Intervals, a);
        QFETCH(Intervals, b);
        QFETCH(Intervals, expected);
        QCOMPARE(IntervalSet(a).subtracted(IntervalSet(b)).intervals(), expected);
        // remove() is the in-place form of the same operation.
        IntervalSet inPlace(a);
        for (const Interval &i : b)
            inPlace.remove(i);
        QCOMPARE(inPlace.intervals(), expected);
    }

    void totalsAndQueries()
    {
        const IntervalSet set{{0, 60000}, {120000, 300000}};
        QCOMPARE(set.totalMs(), 240000);
        QCOMPARE(set.totalMinutes(), 4);
        QVERIFY(set.contains(0));
        QVERIFY(!set.contains(60000));
        QVERIFY(set.contains(Interval(130000, 140000)));
        QVERIFY(!set.contains(Interval(50000, 130000)));
        QVERIFY(set.overlaps(Interval(50000, 130000)));
        QVERIFY(!set.overlaps(Interval(60000, 120000)));
    }

    // A cross-check of the set algebra against a brute-force bitmap over small integers.
    void algebraMatchesBitmap()
    {
        quint32 seed = 12345;
        auto next = [&seed](int bound) {
            seed = seed * 1103515245u + 12345u;
            return int((seed >> 16) % quint32(bound));
        };
        for (int round = 0; round < 300; ++round) {
            Intervals a;
            Intervals b;
            for (int k = next(6); k > 0; --k) {
                const int s = next(60);
                a.append(Interval(s, s + next(15)));
            }
            for (int k = next(6); k > 0; --k) {
                const int s = next(60);
                b.append(Interval(s, s + next(15)));
            }
            auto bitmap = [](const Intervals &list) {
                QList<bool> bits(80, false);
                for (const Interval &i : list)
                    for (qint64 x = i.startMs(); x < i.endMs(); ++x)
                        bits[x] = true;
                return bits;
            };
            const QList<bool> ba = bitmap(a);
            const QList<bool> bb = bitmap(b);
            const IntervalSet sa(a);
            const IntervalSet sb(b);
            const QList<bool> u = bitmap(sa.united(sb).intervals());
            const QList<bool> n = bitmap(sa.intersected(sb).intervals());
            const QList<bool> d = bitmap(sa.subtracted(sb).intervals());
            for (int x = 0; x < 80; ++x) {
                QCOMPARE(u[x], ba[x] || bb[x]);
                QCOMPARE(n[x], ba[x] && bb[x]);
                QCOMPARE(d[x], ba[x] && !bb[x]);
                QCOMPARE(sa.contains(qint64(x)), bool(ba[x]));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestIntervalSet)
#include "tst_intervalset.moc"
