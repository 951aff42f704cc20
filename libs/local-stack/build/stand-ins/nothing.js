// Stands in for a module that the Lambda bundles leave out and that only adds definitions nothing
// reachable asks for (lambda-webpack.config.js says which, and why).
'use strict';
