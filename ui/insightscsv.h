#pragma once

#include "insights/insightsreport.h"

#include <QString>

namespace fermata {

// The Insights figures as one CSV table (RFC 4180, "\r\n" line ends), one figure per row:
//   section,date,name,measure,value
// `date` is the day or the week's Monday (ISO), `name` the source or tag; for the section
// let_through_rule the measure is the rule's stored key. Minutes stay
// whole minutes. Text that a spreadsheet would run as a formula (=, +, -, @) gets a leading '.
QString insightsCsv(const InsightsReport &report);

} // namespace fermata
