"""The formats a CI system reads (`--format json|sarif|github|junit|gitlab`), one module a format."""
