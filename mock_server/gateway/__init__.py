"""What stands in front of every Tonn operation: the gate (key, rate limit, faults, spec
validation) and the request helpers routes use to reach the backend."""
