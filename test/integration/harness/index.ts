// Every integration test fails when a request it caused broke Zoom's OpenAPI spec.
import './environment';
import '../../simulator/spec/failOnViolations';

export * from './core';
