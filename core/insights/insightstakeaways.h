#pragma once

#include "insights/insightsreport.h"

#include <QStringList>

namespace fermata {

// One sentence per Insights chart, in words, computed from the report alone (English, like the
// core's other messages). Each says what stands out; none is empty.
class Takeaways final
{
public:
    static QString deepWork(const InsightsReport &r);
    // `stretchMinutes`: the length of stretch that counts as a good day (2 hours by default).
    static QString unbrokenStretches(const InsightsReport &r, int stretchMinutes = 120);
    static QString plannedVersusDone(const InsightsReport &r);
    static QString interruptions(const InsightsReport &r);
    static QString meetingsVersusFocus(const InsightsReport &r);
    static QString estimateAccuracy(const InsightsReport &r);
    // All of the above, in that order.
    static QStringList all(const InsightsReport &r);

    // "45 min", "2 h", "2 h 30 min".
    static QString duration(int minutes);
    // The words for a let-through rule's stored key ("vip" -> "from VIPs").
    static QString ruleWords(const QString &reasonKey);
};

} // namespace fermata
