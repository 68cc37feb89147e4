"""The managers' completion and competency report (`eip report`): read tracking logs, course
manifests, a staff roster and training requirements; write HTML, CSV and XLSX."""
