#include "services/preferences.h"
