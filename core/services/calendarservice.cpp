#include "services/calendarservice.h"
